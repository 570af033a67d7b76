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

    /** Each upsd replica exports every UPS: an alert on a UPS series must aggregate by ups to fire once per UPS. */
    @Test
    void upsAlertsFireOncePerUpsWhateverTheReplicas() {
        GenericKubernetesResource rule = Chart.parse(Chart.template(null, Map.of("metrics.prometheusRule.enabled", true,
                "upsd.replicas", 3))).stream().filter(o -> o.getKind().equals("PrometheusRule"))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        int checked = 0;
        for (Map<String, Object> group : groups) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rules = (List<Map<String, Object>>) group.get("rules");
            for (Map<String, Object> r : rules) {
                String expr = String.valueOf(r.get("expr"));
                if (expr.contains("network_ups_tools_")) {
                    for (String alternative : expr.split(" or ")) {
                        assertTrue(alternative.matches("^(max|min|count) by \\(ups\\) \\(.*"), r.get("alert") + ": " + alternative);
                    }
                    checked++;
                }
            }
        }
        assertEquals(3, checked, "UpsOnBattery, UpsLowBattery, UpsDataStale");
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

    @Test
    void tlsValuesMountTheSecretWhereUpsdAndTheDriversReadTheirFiles() {
        for (HasMetadata o : Chart.render(null)) {
            if (o instanceof io.fabric8.kubernetes.api.model.apps.Deployment d) {
                assertTrue(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                        .noneMatch(e -> e.getName().contains("TLS") || e.getName().contains("TOKEN")), "TLS is off by default");
            }
        }
        List<HasMetadata> objects = Chart.render(Chart.DIR.resolve("examples/tls.yaml"));
        int checked = 0;
        for (HasMetadata o : objects) {
            if (o instanceof io.fabric8.kubernetes.api.model.apps.Deployment d) {
                var pod = d.getSpec().getTemplate().getSpec();
                var c = pod.getContainers().get(0);
                Map<String, String> env = new java.util.HashMap<>();
                c.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
                List<String> files = env.entrySet().stream()
                        .filter(e -> e.getKey().matches(".*(TLS|LINK).*_(FILE|FILES|PATH)")).map(Map.Entry::getValue).toList();
                if (d.getMetadata().getName().endsWith("-upsd")) {
                    assertEquals("/etc/knut/tls/tls.crt", env.get("KNUT_UPSD_TLS_CERT_FILE"));
                    assertEquals("/etc/knut/tls/tls.crt", env.get("QUARKUS_HTTP_SSL_CERTIFICATE_FILES"));
                    assertEquals("true", env.get("KNUT_UPSD_DRIVER_LINK_TLS"));
                    assertEquals("/etc/knut/link/token", env.get("KNUT_UPSD_DRIVER_LINK_TOKEN_FILE"));
                    assertTrue(c.getPorts().stream().anyMatch(p -> p.getName().equals("https") && p.getContainerPort() == 8443));
                } else if (env.containsKey("KNUT_DRIVER_UPS")) {
                    assertEquals("/etc/knut/tls/tls.key", env.get("KNUT_DRIVER_TCP_TLS_KEY_FILE"));
                    assertEquals("/etc/knut/link/token", env.get("KNUT_DRIVER_TCP_TOKEN_FILE"));
                } else {
                    continue;
                }
                for (String file : files) {
                    String dir = file.substring(0, file.lastIndexOf('/'));
                    var mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir)).findFirst().orElseThrow(
                            () -> new AssertionError(d.getMetadata().getName() + ": nothing mounted at " + dir));
                    var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
                    assertTrue(List.of("knut-tls", "knut-link").contains(volume.getSecret().getSecretName()), file);
                    assertTrue(mount.getReadOnly(), file);
                }
                checked++;
            }
        }
        assertEquals(2, checked, "upsd and the one driver");
    }
}
