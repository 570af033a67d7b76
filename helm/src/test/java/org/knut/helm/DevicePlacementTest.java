package org.knut.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Where driver pods run and how they get their device: a UPS on a host port is pinned to that host
 * and gets the device; a network UPS runs anywhere with nothing from the host; a config change
 * restarts only the drivers it concerns.
 */
class DevicePlacementTest {
    private static final Path WORKED = Chart.DIR.resolve("examples/snmp-two-nodes-usb-one.yaml");

    private static Deployment driver(List<HasMetadata> objects, String ups) {
        return objects.stream().filter(o -> o instanceof Deployment d && d.getMetadata().getName().endsWith("-driver-" + ups))
                .map(Deployment.class::cast).findFirst().orElseThrow(() -> new AssertionError("no driver for " + ups));
    }

    private static List<Volume> hostPaths(PodSpec pod) {
        return pod.getVolumes().stream().filter(v -> v.getHostPath() != null).toList();
    }

    @Test
    void aUsbUpsDriverIsPinnedToItsNodeWithTheDevice() {
        PodSpec pod = driver(Chart.render(WORKED), "desk-usb").getSpec().getTemplate().getSpec();
        assertEquals(Map.of("kubernetes.io/hostname", "node-c"), pod.getNodeSelector());
        List<Volume> devices = hostPaths(pod);
        assertEquals(1, devices.size());
        assertEquals("/dev/bus/usb", devices.get(0).getHostPath().getPath());
        Container c = pod.getContainers().get(0);
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getName().equals(devices.get(0).getName())
                && m.getMountPath().equals("/dev/bus/usb")), "mounted where the driver opens it");
        assertEquals(Boolean.TRUE, c.getSecurityContext().getPrivileged(), "the device cgroup needs it without a device plugin");
    }

    @Test
    void anSnmpUpsDriverRunsAnywhereWithNothingFromTheHost() {
        PodSpec pod = driver(Chart.render(WORKED), "rack-apc").getSpec().getTemplate().getSpec();
        assertTrue(pod.getNodeSelector() == null || pod.getNodeSelector().isEmpty(), String.valueOf(pod.getNodeSelector()));
        assertNull(pod.getAffinity());
        assertTrue(hostPaths(pod).isEmpty());
        assertFalse(Boolean.TRUE.equals(pod.getContainers().get(0).getSecurityContext().getPrivileged()));
        assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()));
    }

    @Test
    void aDevicePluginHandsTheDeviceToAnUnprivilegedPod() {
        PodSpec pod = driver(Chart.render(Chart.DIR.resolve("examples/serial-device-plugin.yaml")), "office")
                .getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertEquals(new Quantity("1"), c.getResources().getLimits().get("squat.ai/serial"));
        assertEquals(new Quantity("256Mi"), c.getResources().getLimits().get("memory"), "the chart's limits are kept beside it");
        assertTrue(hostPaths(pod).isEmpty());
        assertFalse(Boolean.TRUE.equals(c.getSecurityContext().getPrivileged()));
        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(Map.of("kubernetes.io/hostname", "node-1"), pod.getNodeSelector());
    }

    @Test
    void changingOneUpsRestartsOnlyItsDriver() throws Exception {
        String worked = Files.readString(WORKED);
        assertTrue(worked.contains("community: public"));
        List<HasMetadata> before = Chart.render(WORKED);
        List<HasMetadata> after = Chart.parse(Chart.template(worked.replace("community: public", "community: private")));
        // a pod template that changes is a rollout (a restart); one that does not, is none
        assertFalse(template(before, "rack-apc").equals(template(after, "rack-apc")), "rack-apc's driver restarts");
        assertTrue(template(before, "desk-usb").equals(template(after, "desk-usb")), "desk-usb's driver keeps running, but: "
                + template(before, "desk-usb").getMetadata().getAnnotations() + " -> " + template(after, "desk-usb").getMetadata().getAnnotations());
    }

    private static PodTemplateSpec template(List<HasMetadata> objects, String ups) {
        return driver(objects, ups).getSpec().getTemplate();
    }
}
