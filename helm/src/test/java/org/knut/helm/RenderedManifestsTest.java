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
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
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

    @ParameterizedTest
    @MethodSource("renderings")
    void theAdminUiReadsUpsdAtItsServicesPorts(Path values) {
        List<HasMetadata> objects = Chart.render(values);
        Service upsd = objects.stream().filter(o -> o instanceof Service s && s.getMetadata().getName().endsWith("-upsd"))
                .map(Service.class::cast).findFirst().orElseThrow();
        String host = upsd.getMetadata().getName() + "." + Chart.NAMESPACE + ".svc";
        String nut = host + ":" + servicePort(upsd, "nut");
        Workload ui = workloads(objects).stream().filter(w -> w.name().endsWith("-admin-ui")).findFirst().orElseThrow();
        // the UPSes it lists, by their NUT address (hosts.conf) ...
        String hostsConf = objects.stream().filter(o -> o instanceof io.fabric8.kubernetes.api.model.ConfigMap c
                && c.getData().containsKey("hosts.conf")).map(o -> ((io.fabric8.kubernetes.api.model.ConfigMap) o).getData()
                .get("hosts.conf")).findFirst().orElseThrow();
        List<String> monitored = hostsConf.lines().map(String::trim).filter(l -> l.startsWith("MONITOR "))
                .map(l -> l.split("\\s+")[1]).toList();
        assertEquals(HelmTestPodTest.upses(objects).stream().map(u -> u + "@" + nut).toList(), monitored);
        // ... read over REST at the same Service's HTTP port
        assertEquals(nut + "=http://" + host + ":" + servicePort(upsd, "http"),
                env(ui.template().getSpec().getContainers().get(0)).get("KNUT_ADMIN_REST"));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void upsdKeepsEachClientOnOneReplicaAndServesWhileNotReady(Path values) {
        List<HasMetadata> objects = Chart.render(values);
        Service upsd = objects.stream().filter(o -> o instanceof Service s && s.getMetadata().getName().endsWith("-upsd"))
                .map(Service.class::cast).findFirst().orElseThrow();
        // tracking ids live in the replica that took the command: a client's next call must reach it
        assertEquals("ClientIP", upsd.getSpec().getSessionAffinity());
        // one stale UPS makes every replica not ready; they still serve all the others
        assertEquals(Boolean.TRUE, upsd.getSpec().getPublishNotReadyAddresses());
        PodDisruptionBudget pdb = objects.stream().filter(o -> o instanceof PodDisruptionBudget).map(PodDisruptionBudget.class::cast)
                .findFirst().orElseThrow();
        assertEquals(upsd.getSpec().getSelector(), pdb.getSpec().getSelector().getMatchLabels());
        assertEquals("AlwaysAllow", pdb.getSpec().getUnhealthyPodEvictionPolicy(), "not-ready replicas do not block a drain");
    }

    /**
     * The NetworkPolicies select pods that exist and name ports those pods have; every port a Service
     * sends to is let in; a driver socket only from upsd.
     */
    @ParameterizedTest
    @MethodSource("renderings")
    void networkPoliciesLetInWhatTheServicesSendAndNoMore(Path values) {
        List<HasMetadata> objects = Chart.render(values);
        List<Workload> workloads = workloads(objects);
        List<NetworkPolicy> policies = objects.stream().filter(o -> o instanceof NetworkPolicy).map(NetworkPolicy.class::cast).toList();
        assertEquals(2, policies.size());
        Workload upsd = workloads.stream().filter(w -> w.name().endsWith("-upsd")).findFirst().orElseThrow();
        List<Workload> drivers = workloads.stream().filter(w -> env(w.template().getSpec().getContainers().get(0))
                .containsKey("KNUT_DRIVER_UPS")).toList();
        for (NetworkPolicy p : policies) {
            List<Workload> selected = workloads.stream().filter(w -> selects(p.getSpec().getPodSelector().getMatchLabels(),
                    w.template().getMetadata().getLabels())).toList();
            assertEquals(List.of("Ingress"), p.getSpec().getPolicyTypes());
            assertTrue(selected.equals(List.of(upsd)) || selected.equals(drivers), p.getMetadata().getName() + " selects " + selected);
            for (var rule : p.getSpec().getIngress()) {
                for (var from : rule.getFrom()) {
                    assertEquals(List.of(upsd), workloads.stream().filter(w -> selects(from.getPodSelector().getMatchLabels(),
                            w.template().getMetadata().getLabels())).toList(), "only upsd is let in from pods");
                }
                for (var port : rule.getPorts()) {
                    for (Workload w : selected) {
                        assertTrue(ports(w).containsKey(port.getPort().getStrVal()), w.name() + " has port " + port.getPort());
                    }
                }
            }
            for (HasMetadata o : objects) {
                if (o instanceof Service s && selected.stream().anyMatch(w -> selects(s.getSpec().getSelector(),
                        w.template().getMetadata().getLabels()))) {
                    for (ServicePort sp : s.getSpec().getPorts()) {
                        String target = sp.getTargetPort().getStrVal();
                        var rule = p.getSpec().getIngress().stream().filter(r -> r.getPorts().stream()
                                .anyMatch(x -> x.getPort().getStrVal().equals(target))).findFirst()
                                .orElseThrow(() -> new AssertionError(p.getMetadata().getName() + " blocks " + target));
                        assertEquals(target.equals("driver-socket"), !rule.getFrom().isEmpty(),
                                target + ": only driver sockets are limited to upsd");
                    }
                }
            }
        }
    }

    private static int servicePort(Service s, String name) {
        return s.getSpec().getPorts().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow().getPort();
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
