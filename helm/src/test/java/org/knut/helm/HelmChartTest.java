package org.knut.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Real Helm lints and renders the chart; fabric8 parses what it renders; the schema refuses bad values. */
class HelmChartTest {
    @Test
    void lintPassesInStrictMode() {
        LintResult r = Chart.lint();
        assertFalse(r.isFailed(), String.join("\n", r.getMessages()));
    }

    @Test
    void defaultValuesRenderTheWholeSystem() {
        List<HasMetadata> objects = Chart.render(null);
        Set<String> kinds = objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("Deployment", "DaemonSet", "Service", "ConfigMap", "Secret", "ServiceAccount",
                "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "PodDisruptionBudget", "NetworkPolicy")),
                kinds.toString());
        for (HasMetadata o : objects) {
            assertFalse(o instanceof GenericKubernetesResource, "fabric8 knows every default object: " + o.getKind());
        }
    }

    @Test
    void everyExampleRendersAndParses() throws Exception {
        for (Path example : Chart.examples()) {
            List<HasMetadata> objects = Chart.render(example);
            assertFalse(objects.isEmpty(), example.toString());
        }
        List<HasMetadata> rack = Chart.render(Chart.DIR.resolve("examples/snmp-two-nodes-usb-one.yaml"));
        Set<String> kinds = rack.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("ServiceMonitor", "PrometheusRule", "Ingress")), kinds.toString());
    }

    @Test
    void optionalPartsComeAndGoWithTheirFlags() {
        Set<String> kinds = Chart.parse(Chart.template(null, Map.of("monitor.enabled", false, "adminUi.enabled", false,
                "networkPolicy.enabled", false, "upsd.podDisruptionBudget.enabled", false, "upsd.autoscaling.enabled", true)))
                .stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertFalse(kinds.contains("DaemonSet"));
        assertFalse(kinds.contains("ClusterRole"));
        assertFalse(kinds.contains("NetworkPolicy"));
        assertFalse(kinds.contains("PodDisruptionBudget"));
        assertTrue(kinds.contains("HorizontalPodAutoscaler"));
    }

    @Test
    void theSchemaRefusesWrongValuesWithAClearMessage() {
        assertRefused(Map.of("upsd.replicas", 0), "replicas");
        assertRefused(Map.of("upses[0].name", "two words"), "name");
        assertRefused(Map.of("upsd.replica", 3), "replica");
        assertRefused(Map.of("driver.deviceAccess", "root"), "deviceAccess");
        assertRefused(Map.of("upses[0].device", "/etc/passwd"), "device");
        assertRefused(Map.of("upsd.nutPort", 70000), "nutPort");
        assertRefused(Map.of("upsd.users[0].upsmon", "boss"), "upsmon");
    }

    private static void assertRefused(Map<String, Object> sets, String mentioned) {
        Exception e = assertThrows(Exception.class, () -> Chart.template(null, sets), sets.toString());
        assertTrue(e.getMessage().contains("values don't meet the specifications of the schema"), e.getMessage());
        assertTrue(e.getMessage().contains(mentioned), mentioned + " in: " + e.getMessage());
    }

    @Test
    void generatedPasswordsAreSharedByUpsdAndTheMonitors() {
        List<HasMetadata> objects = Chart.render(null);
        var secret = (io.fabric8.kubernetes.api.model.Secret) objects.stream().filter(o -> o.getKind().equals("Secret"))
                .findFirst().orElseThrow();
        assertEquals("admin,monuser", secret.getStringData().get("KNUT_UPSD_USERS"));
        assertEquals(24, secret.getStringData().get("KNUT_UPSD_USERS_MONUSER_PASSWORD").length());
        assertEquals("SET,FSD", secret.getStringData().get("KNUT_UPSD_USERS_ADMIN_ACTIONS"));
    }
}
