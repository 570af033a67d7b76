package org.knut.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What every rendering (defaults and each documented example) must satisfy: probes, resources and a
 * securityContext on every container, privilege only where a device or the power-off needs it,
 * selectors that match the pods' labels, and ports that agree between Services, containers and the
 * services' own configuration.
 */
class RenderedManifestsTest {
    record Workload(String name, Map<String, String> selector, PodTemplateSpec template) {
    }

    static Stream<Path> renderings() throws Exception {
        List<Path> all = new ArrayList<>();
        all.add(null);
        all.addAll(Chart.examples());
        return all.stream();
    }

    private static List<Workload> workloads(List<HasMetadata> objects) {
        List<Workload> out = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d) {
                out.add(new Workload(d.getMetadata().getName(), d.getSpec().getSelector().getMatchLabels(), d.getSpec().getTemplate()));
            } else if (o instanceof DaemonSet d) {
                out.add(new Workload(d.getMetadata().getName(), d.getSpec().getSelector().getMatchLabels(), d.getSpec().getTemplate()));
            }
        }
        return out;
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyContainerHasProbesResourcesAndASecurityContext(Path values) {
        for (Workload w : workloads(Chart.render(values))) {
            for (Container c : w.template().getSpec().getContainers()) {
                String where = w.name() + "/" + c.getName();
                assertNotNull(c.getLivenessProbe(), where + " liveness");
                assertNotNull(c.getReadinessProbe(), where + " readiness");
                assertNotNull(c.getStartupProbe(), where + " startup");
                assertNotNull(c.getResources().getRequests().get("memory"), where + " memory request");
                assertNotNull(c.getResources().getLimits().get("memory"), where + " memory limit");
                var sc = c.getSecurityContext();
                assertNotNull(sc, where + " securityContext");
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), where + " read-only root");
                boolean privileged = Boolean.TRUE.equals(sc.getPrivileged());
                if (privileged) {
                    // only a driver passing a host device through, or the monitor that powers the host off
                    boolean device = w.template().getSpec().getVolumes().stream().anyMatch(v -> v.getHostPath() != null);
                    boolean powerOff = Boolean.TRUE.equals(w.template().getSpec().getHostPID());
                    assertTrue(device || powerOff, where + " is privileged without a reason");
                } else {
                    assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), where);
                    assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), where);
                    assertTrue(Boolean.TRUE.equals(sc.getRunAsNonRoot())
                            || Boolean.TRUE.equals(w.template().getSpec().getSecurityContext().getRunAsNonRoot()), where + " non-root");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void selectorsMatchThePodsLabels(Path values) {
        List<HasMetadata> objects = Chart.render(values);
        List<Workload> workloads = workloads(objects);
        for (Workload w : workloads) {
            assertTrue(selects(w.selector(), w.template().getMetadata().getLabels()), w.name());
        }
        for (HasMetadata o : objects) {
            if (o instanceof Service s) {
                long matching = workloads.stream().filter(w -> selects(s.getSpec().getSelector(), w.template().getMetadata().getLabels())).count();
                assertEquals(1, matching, "Service " + s.getMetadata().getName() + " selects exactly one workload");
            }
            if (o instanceof PodDisruptionBudget p) {
                assertTrue(workloads.stream().anyMatch(w -> selects(p.getSpec().getSelector().getMatchLabels(),
                        w.template().getMetadata().getLabels())), "PDB " + p.getMetadata().getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void portsAgreeBetweenServicesContainersAndConfiguration(Path values) {
        List<HasMetadata> objects = Chart.render(values);
        List<Workload> workloads = workloads(objects);
        Map<String, Service> services = new HashMap<>();
        for (HasMetadata o : objects) {
            if (o instanceof Service s) {
                services.put(s.getMetadata().getName(), s);
                Workload w = workloads.stream().filter(x -> selects(s.getSpec().getSelector(), x.template().getMetadata().getLabels()))
                        .findFirst().orElseThrow();
                for (ServicePort p : s.getSpec().getPorts()) {
                    String target = p.getTargetPort().getStrVal();
                    assertTrue(ports(w).containsKey(target), s.getMetadata().getName() + " targets port " + target);
                }
            }
        }
        for (Workload w : workloads) {
            Container c = w.template().getSpec().getContainers().get(0);
            Map<String, String> env = env(c);
            assertEquals(Integer.toString(ports(w).get("http")), env.get("QUARKUS_HTTP_PORT"), w.name() + " HTTP port");
            if (env.containsKey("KNUT_UPSD_LISTEN")) {
                assertTrue(env.get("KNUT_UPSD_LISTEN").endsWith(":" + ports(w).get("nut")), "upsd listens on its nut port");
                for (String driver : env.get("KNUT_UPSD_DRIVERS").split(",")) {
                    String[] hostPort = driver.substring(driver.indexOf("=tcp:") + 5).split(":");
                    Service s = services.get(hostPort[0]);
                    assertNotNull(s, "driver service " + hostPort[0]);
                    assertTrue(s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == Integer.parseInt(hostPort[1])
                            && p.getTargetPort().getStrVal().equals("driver-socket")), driver);
                }
            }
            if (env.containsKey("KNUT_DRIVER_UPS")) {
                // a driver listens on the base port plus its section's position in ups.conf
                int position = driverPosition(objects, env.get("KNUT_DRIVER_UPS"));
                assertEquals(Integer.parseInt(env.get("KNUT_DRIVER_TCP_PORT")) + position, ports(w).get("driver-socket"), w.name());
            }
            if (env.containsKey("KNUT_MONITOR_MONITOR")) {
                Service upsd = services.values().stream().filter(s -> s.getMetadata().getName().endsWith("-upsd")).findFirst().orElseThrow();
                int nut = upsd.getSpec().getPorts().stream().filter(p -> p.getName().equals("nut")).findFirst().orElseThrow().getPort();
                int http = upsd.getSpec().getPorts().stream().filter(p -> p.getName().equals("http")).findFirst().orElseThrow().getPort();
                for (String line : env.get("KNUT_MONITOR_MONITOR").split(",")) {
                    assertTrue(line.contains("@" + upsd.getMetadata().getName() + "." + Chart.NAMESPACE + ".svc:" + nut + " "), line);
                }
                assertEquals("http://" + upsd.getMetadata().getName() + "." + Chart.NAMESPACE + ".svc:" + http + "/api/v1/events",
                        env.get("KNUT_MONITOR_EVENTS_URL"));
            }
        }
    }

    private static int driverPosition(List<HasMetadata> objects, String ups) {
        String conf = objects.stream().filter(o -> o instanceof io.fabric8.kubernetes.api.model.ConfigMap c && c.getData().containsKey("ups.conf"))
                .map(o -> ((io.fabric8.kubernetes.api.model.ConfigMap) o).getData().get("ups.conf")).findFirst().orElseThrow();
        List<String> sections = conf.lines().map(String::trim).filter(l -> l.startsWith("[")).map(l -> l.substring(1, l.length() - 1)).toList();
        assertTrue(sections.contains(ups), ups + " in ups.conf " + sections);
        return sections.indexOf(ups);
    }

    private static Map<String, Integer> ports(Workload w) {
        Map<String, Integer> out = new HashMap<>();
        for (Container c : w.template().getSpec().getContainers()) {
            for (ContainerPort p : c.getPorts()) {
                out.put(p.getName(), p.getContainerPort());
            }
        }
        return out;
    }

    private static Map<String, String> env(Container c) {
        Map<String, String> out = new HashMap<>();
        for (EnvVar e : c.getEnv()) {
            if (e.getValue() != null) {
                out.put(e.getName(), e.getValue());
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void secretsStayOutOfConfigMapsAndCommandLines(Path values) {
        for (HasMetadata o : Chart.render(values)) {
            if (o instanceof io.fabric8.kubernetes.api.model.ConfigMap c) {
                c.getData().values().forEach(v -> assertFalse(v.toLowerCase().contains("password"), c.getMetadata().getName()));
            }
        }
        Set<String> fromSecret = Set.of("MONITOR_PASSWORD");
        for (Workload w : workloads(Chart.render(values))) {
            for (EnvVar e : w.template().getSpec().getContainers().get(0).getEnv()) {
                if (fromSecret.contains(e.getName())) {
                    assertNotNull(e.getValueFrom().getSecretKeyRef(), e.getName());
                }
            }
        }
    }
}
