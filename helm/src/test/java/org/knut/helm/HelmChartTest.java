package org.knut.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;

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

    /**
     * UpsDataStale asks, for each configured UPS, whether upsd's metrics have it now: no comparison with
     * the past (an {@code offset} would resolve the alert once the data had been gone that long).
     */
    @Test
    void theStaleDataAlertHoldsForAsLongAsAUpsHasNoData() {
        List<HasMetadata> objects = Chart.render(Chart.DIR.resolve("examples/snmp-two-nodes-usb-one.yaml"));
        GenericKubernetesResource rule = objects.stream().filter(o -> o.getKind().equals("PrometheusRule"))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        List<Map<String, Object>> rules = rule.get("spec", "groups", 0, "rules");
        String expr = rules.stream().filter(r -> "UpsDataStale".equals(r.get("alert"))).map(r -> (String) r.get("expr"))
                .findFirst().orElseThrow();
        List<String> terms = List.of(expr.split(" or "));
        assertEquals(List.of("rack-apc", "desk-usb").stream().map(u ->
                "absent(network_ups_tools_ups_status{job=\"knut-upsd\", ups=\"" + u + "\", flag=\"OL\"})").toList(), terms);
        assertTrue(objects.stream().anyMatch(o -> o.getKind().equals("ServiceMonitor") && o.getMetadata().getName().equals("knut-upsd")),
                "the job label is the scraped Service's name");
        Set<String> defaults = Chart.render(null).stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertFalse(defaults.contains("PrometheusRule") || defaults.contains("ServiceMonitor"), "both are off by default");
    }

    /**
     * Each upsd replica exports every UPS: an alert on a UPS series must aggregate by ups (or ask absent(),
     * which yields one series) to fire once per UPS.
     */
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
                        assertTrue(alternative.matches("^((max|min|count) by \\(ups\\) \\(|absent\\().*"), r.get("alert") + ": " + alternative);
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

    /**
     * Each case is a values file with one mistake, and the same file with the mistake fixed: the first
     * is refused with a message naming the field and what is wrong with it, the second renders, so the
     * refusal comes from that mistake and nothing else.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void theSchemaRefusesWrongValuesWithAClearMessage(String field, String reason, String wrong, String fixed) {
        Exception e = assertThrows(Exception.class, () -> Chart.template(wrong), wrong);
        String message = e.getMessage();
        assertTrue(message.contains("values don't meet the specifications of the schema"), message);
        List<String> problems = message.lines().filter(l -> l.startsWith("- ")).toList();
        assertFalse(problems.isEmpty(), message);
        for (String problem : problems) {
            String path = problem.substring(2, problem.indexOf(':'));
            // a conditional requirement is also reported on the object holding the if/then
            boolean conditional = field.startsWith(path + ".") && problem.contains("Must validate \"then\" as \"if\" was valid");
            assertTrue(path.equals(field) || path.startsWith(field + ".") || conditional, field + " only, not: " + problem);
        }
        assertTrue(problems.stream().anyMatch(p -> p.contains(reason)), reason + " in: " + message);
        assertFalse(Chart.parse(Chart.template(fixed)).isEmpty(), fixed);
    }

    static Stream<Arguments> mistakes() {
        String usb = "upses: [{name: usb, driver: usbhid-ups, port: auto, nodeName: node-c, device: %s}]\nmonitor: {defaultUps: usb}\n";
        String usbNoNode = "upses: [{name: usb, driver: usbhid-ups, port: auto, device: /dev/bus/usb%s}]\nmonitor: {defaultUps: usb}\n";
        String plugin = "upses: [{name: tty, driver: blazer_ser, port: /dev/ttyS0, nodeName: n1, device: /dev/ttyS0}]\n"
                + "monitor: {defaultUps: tty}\ndriver: {deviceAccess: devicePlugin%s}\n";
        return Stream.of(
                Arguments.of("upsd.replicas", "greater than or equal to 2", "upsd: {replicas: 1}", "upsd: {replicas: 2}"),
                Arguments.of("upsd", "Additional property replica is not allowed", "upsd: {replica: 3}", "upsd: {replicas: 3}"),
                Arguments.of("upsd.nutPort", "less than or equal to 65535", "upsd: {nutPort: 70000}", "upsd: {nutPort: 3493}"),
                // upsd refuses more at start-up (a loop polling that long between requests never sleeps)
                Arguments.of("upsd.idleSpinMicros", "less than or equal to 10000", "upsd: {idleSpinMicros: 50000}",
                        "upsd: {idleSpinMicros: 0}"),
                Arguments.of("upsd.users.0.upsmon", "must be one of", "upsd: {users: [{name: mon, upsmon: boss}]}\nmonitor: {user: mon}",
                        "upsd: {users: [{name: mon, upsmon: primary}]}\nmonitor: {user: mon}"),
                Arguments.of("upses.0.name", "Does not match pattern",
                        "upses: [{name: two words, driver: dummy-ups, port: x}]\nmonitor: {defaultUps: x}",
                        "upses: [{name: two-words, driver: dummy-ups, port: x}]\nmonitor: {defaultUps: x}"),
                Arguments.of("upses.0.device", "Does not match pattern", usb.formatted("/etc/passwd"), usb.formatted("/dev/bus/usb")),
                // a device without its node would be looked for on whichever node the pod lands
                Arguments.of("upses.0", "nodeName is required", usbNoNode.formatted(""), usbNoNode.formatted(", nodeName: node-c")),
                Arguments.of("driver.deviceAccess", "must be one of", "driver: {deviceAccess: root}", "driver: {deviceAccess: privileged}"),
                // device-plugin mode without a resource to request would give the driver no device at all
                Arguments.of("driver.devicePlugin.resource", "Does not match pattern", plugin.formatted(""),
                        plugin.formatted(", devicePlugin: {resource: squat.ai/serial}")),
                // sessions and history live in the admin UI's memory: a second replica would lose logins
                Arguments.of("adminUi.replicas", "less than or equal to 1", "adminUi: {replicas: 2}", "adminUi: {replicas: 1}"));
    }

    @Test
    void theIdleSpinSettingReachesUpsd() {
        List<String> spins = Chart.parse(Chart.template("upsd: {idleSpinMicros: 0}")).stream()
                .filter(o -> o instanceof io.fabric8.kubernetes.api.model.apps.Deployment && o.getMetadata().getName().endsWith("-upsd"))
                .flatMap(o -> ((io.fabric8.kubernetes.api.model.apps.Deployment) o).getSpec().getTemplate().getSpec().getContainers()
                        .get(0).getEnv().stream())
                .filter(e -> e.getName().equals("KNUT_UPSD_IDLE_SPIN_MICROS")).map(e -> e.getValue()).toList();
        assertEquals(List.of("0"), spins);
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
    void generatedPasswordsAreKeptAcrossUpgrades() {
        String monuser = "KNUT_UPSD_USERS_MONUSER_PASSWORD";
        String admin = "KNUT_UPSD_USERS_ADMIN_PASSWORD";
        // install: the cluster has no Secret yet, so a new password is drawn each time
        assertNotEquals(usersSecret(Chart.render(null)).get(monuser), usersSecret(Chart.render(null)).get(monuser));
        // upgrade: the release's Secret holds the passwords drawn at install
        ApiServerStub.putSecret(Chart.NAMESPACE, "knut-users", Map.of(monuser, "drawn-at-install", admin, "admin-at-install"));
        try {
            List<HasMetadata> upgrade = Chart.render(null);
            assertEquals("drawn-at-install", usersSecret(upgrade).get(monuser));
            assertEquals("admin-at-install", usersSecret(upgrade).get(admin));
            // nothing changed, so upsd and the monitors are not restarted by the upgrade
            assertEquals(checksums(upgrade), checksums(Chart.render(null)));
            // a password set in the values wins
            Map<String, String> given = usersSecret(Chart.parse(Chart.template("""
                    upsd:
                      users:
                        - {name: admin, password: set-by-me, actions: [SET, FSD], instcmds: [ALL]}
                        - {name: monuser, password: "", upsmon: primary}
                    """)));
            assertEquals("set-by-me", given.get(admin));
            assertEquals("drawn-at-install", given.get(monuser));
        } finally {
            ApiServerStub.removeSecret(Chart.NAMESPACE, "knut-users");
        }
    }

    private static Map<String, String> usersSecret(List<HasMetadata> objects) {
        return objects.stream().filter(o -> o instanceof Secret).map(o -> ((Secret) o).getStringData()).findFirst().orElseThrow();
    }

    private static List<String> checksums(List<HasMetadata> objects) {
        return objects.stream().map(o -> o instanceof Deployment d ? d.getSpec().getTemplate()
                : o instanceof DaemonSet s ? s.getSpec().getTemplate() : null).filter(t -> t != null)
                .map(t -> String.valueOf(t.getMetadata().getAnnotations().get("checksum/users"))).toList();
    }

    @Test
    void anExistingSecretIsUsedInsteadOfAGeneratedOne() {
        List<HasMetadata> objects = Chart.parse(Chart.template(null, Map.of("upsd.existingSecret", "my-users")));
        assertTrue(objects.stream().noneMatch(o -> o instanceof Secret), "no Secret is generated");
        int users = 0;
        for (HasMetadata o : objects) {
            PodSpec pod = o instanceof Deployment d ? d.getSpec().getTemplate().getSpec()
                    : o instanceof DaemonSet s ? s.getSpec().getTemplate().getSpec() : null;
            if (pod == null) {
                continue;
            }
            for (var c : pod.getContainers()) {
                for (var from : c.getEnvFrom()) {
                    assertEquals("my-users", from.getSecretRef().getName(), o.getMetadata().getName());
                    users++;
                }
                for (var e : c.getEnv()) {
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        assertEquals("my-users", e.getValueFrom().getSecretKeyRef().getName(), e.getName());
                        assertEquals("KNUT_UPSD_USERS_MONUSER_PASSWORD", e.getValueFrom().getSecretKeyRef().getKey());
                        users++;
                    }
                }
            }
        }
        assertEquals(2, users, "upsd's users and the monitor's password");
        assertTrue(Chart.notes(null, Map.of("upsd.existingSecret", "my-users")).contains("get secret my-users "));
    }

    @Test
    void notesGiveTheFirstCommandsForThisRelease() throws Exception {
        Path example = Chart.DIR.resolve("examples/snmp-two-nodes-usb-one.yaml");
        List<HasMetadata> objects = Chart.render(example);
        Service upsd = service(objects, "-upsd");
        int nut = port(upsd, "nut");
        int http = port(upsd, "http");
        Service ui = service(objects, "-admin-ui");
        String notes = Chart.notes(example, Map.of());
        String ns = "kubectl -n " + Chart.NAMESPACE + " ";
        assertTrue(notes.contains(ns + "port-forward svc/" + upsd.getMetadata().getName() + " " + nut + ":" + nut + " " + http + ":" + http + "\n"), notes);
        assertTrue(notes.contains("upsc rack-apc@localhost:" + nut + "\n"), notes);
        assertTrue(notes.contains("curl localhost:" + http + "/api/v1/ups"), notes);
        assertTrue(notes.contains(ns + "get secret knut-users "), notes);
        assertTrue(notes.contains("helm test " + Chart.RELEASE + " -n " + Chart.NAMESPACE), notes);
        assertTrue(notes.contains(ns + "port-forward svc/" + ui.getMetadata().getName() + " " + port(ui, "http")), notes);
        assertTrue(notes.startsWith("knut is installed: 2 UPS(es), upsd x2, a monitor on every node."), notes);

        String moved = Chart.notes(null, Map.of("upsd.nutPort", 3500, "adminUi.enabled", false, "monitor.dryRun", true));
        assertTrue(moved.contains("upsc demo@localhost:3500\n"), moved);
        assertTrue(moved.contains("(dry run)"), moved);
        assertFalse(moved.contains("admin UI"), moved);
    }

    private static Service service(List<HasMetadata> objects, String suffix) {
        return objects.stream().filter(o -> o instanceof Service && o.getMetadata().getName().endsWith(suffix))
                .map(Service.class::cast).findFirst().orElseThrow();
    }

    private static int port(Service s, String name) {
        return s.getSpec().getPorts().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow().getPort();
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
