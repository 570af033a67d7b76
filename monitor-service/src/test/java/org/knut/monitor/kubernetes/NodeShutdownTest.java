package org.knut.monitor.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.monitor.engine.TimeSource;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.StepLog;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The Kubernetes shutdown step against fabric8's mock API server: Event, cordon, evictions in priority
 * order through the Eviction API (DaemonSet and mirror pods left alone, 429 retried within the budget),
 * then the power-off, here a recorded call.
 */
class NodeShutdownTest {
    static final String NODE = "worker-1";

    ApiServer api;
    KubernetesClient client;
    final List<String> steps = new ArrayList<>();
    final StepLog log = steps::add;
    /** The power-off seam: what had happened on the API server when it was called. */
    final List<String> powerOffs = new ArrayList<>();

    @BeforeEach
    void cluster() throws Exception {
        api = new ApiServer();
        client = api.client();
        client.nodes().resource(ApiServer.node(NODE, Map.of("knut.io/ups", "demo"), Map.of())).create();
        client.nodes().resource(ApiServer.node("worker-2", Map.of(), Map.of())).create();
        create(ApiServer.pod("shop", "db-0", NODE, 1_000_000));
        create(ApiServer.pod("batch", "report", NODE, -10));
        create(ApiServer.pod("shop", "web-1", NODE, 1000));
        create(ApiServer.pod("shop", "web-0", NODE, 1000));
        create(ApiServer.pod("default", "no-class", NODE, null));
        create(new PodBuilder(ApiServer.pod("kube-system", "fluentd-x", NODE, 2_000_000_000)).editMetadata()
                .addNewOwnerReference().withKind("DaemonSet").withName("fluentd").withApiVersion("apps/v1").withUid("ds").endOwnerReference()
                .endMetadata().build());
        create(new PodBuilder(ApiServer.pod("kube-system", "etcd-worker-1", NODE, 2_000_001_000)).editMetadata()
                .addToAnnotations(EvictionPlan.MIRROR, "abc").endMetadata().build());
        create(ApiServer.pod("shop", "web-2", "worker-2", 0));
    }

    private void create(Pod p) {
        client.pods().inNamespace(p.getMetadata().getNamespace()).resource(p).create();
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    KubernetesNodeShutdown shutdown(Duration budget, boolean dryRun) {
        NodeEvents events = new NodeEvents(client, "knut", NODE, "uid-" + NODE);
        NodeDrain drain = new NodeDrain(client, NODE, budget, Duration.ofMillis(50), TimeSource.SYSTEM);
        HostShutdown powerOff = new HostShutdown() {
            @Override
            public String describe() {
                return "power off (recorded)";
            }

            @Override
            public void shutDown(StepLog l) {
                powerOffs.add("pods left: " + podNames(NODE));
            }
        };
        return new KubernetesNodeShutdown(NODE, events, drain, powerOff, dryRun);
    }

    static boolean cordoned(io.fabric8.kubernetes.api.model.Node n) {
        return n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable());
    }

    List<String> podNames(String node) {
        return NodeDrain.pods(client, node).stream().map(EvictionPlan::key).sorted().toList();
    }

    @Test
    void eventCordonEvictionsByPriorityThenPowerOff() throws Exception {
        KubernetesNodeShutdown s = shutdown(Duration.ofSeconds(20), false);
        s.begin("power value 0 < MINSUPPLIES 1: demo@upsd on battery and low battery (OB LB)", log);
        s.shutDown(log);

        Event e = client.v1().events().inNamespace("knut").list().getItems().get(0);
        assertEquals(NodeEvents.SHUTDOWN_REASON, e.getReason());
        assertEquals("Warning", e.getType());
        assertEquals("Node", e.getInvolvedObject().getKind());
        assertEquals(NODE, e.getInvolvedObject().getName());
        assertTrue(e.getMessage().contains("OB LB"), e.getMessage());

        assertTrue(cordoned(client.nodes().withName(NODE).get()), "cordoned");
        assertFalse(cordoned(client.nodes().withName("worker-2").get()), "only this node");
        assertEquals(List.of("batch/report", "default/no-class", "shop/web-0", "shop/web-1", "shop/db-0"), api.evictions(),
                "lowest priority first (no priority = 0), by name within one");
        assertEquals(List.of("pods left: [kube-system/etcd-worker-1, kube-system/fluentd-x]"), powerOffs,
                "powered off after the evictions; DaemonSet and mirror pods left to the kubelet");
        assertEquals(List.of("shop/web-2"), podNames("worker-2"));
        assertTrue(steps.get(0).startsWith("recorded Event PowerFailShutdown"), steps.toString());
        assertEquals("cordoned node worker-1", steps.get(1));
        assertTrue(steps.contains("node worker-1 drained"), steps.toString());
    }

    @Test
    void disruptionBudgetRefusalIsRetriedWithoutHoldingBackHigherPriorities() throws Exception {
        api.refuseEvictions("shop/web-0", 3);
        shutdown(Duration.ofSeconds(20), false).shutDown(log);

        List<String> asked = api.evictionRequests();
        assertEquals(4, asked.stream().filter("shop/web-0"::equals).count(), "refused three times, accepted the fourth: " + asked + " " + steps);
        assertTrue(api.evictions().contains("shop/web-0"));
        assertEquals(List.of("pods left: [kube-system/etcd-worker-1, kube-system/fluentd-x]"), powerOffs);
        assertTrue(steps.stream().anyMatch(l -> l.startsWith("eviction of shop/web-0 refused by a PodDisruptionBudget (429)")), steps.toString());
        assertEquals(1, steps.stream().filter(l -> l.contains("refused by a PodDisruptionBudget")).count(), "said once, not per retry");
    }

    @Test
    void budgetSpentPowersOffAnyway() throws Exception {
        api.refuseEvictions("shop/db-0", Integer.MAX_VALUE);
        shutdown(Duration.ofMillis(600), false).shutDown(log);

        assertFalse(api.evictions().contains("shop/db-0"));
        assertTrue(api.evictionRequests().stream().filter("shop/db-0"::equals).count() > 1, "asked again within the budget");
        assertEquals(List.of("pods left: [kube-system/etcd-worker-1, kube-system/fluentd-x, shop/db-0]"), powerOffs);
        assertTrue(steps.stream().anyMatch(l -> l.startsWith("eviction budget of 0 s spent; powering off with shop/db-0 still on the node")),
                steps.toString());
    }

    @Test
    void dryRunRecordsTheEventAndOnlyLogsTheRest() throws Exception {
        KubernetesNodeShutdown s = shutdown(Duration.ofSeconds(20), true);
        s.begin("FSD (forced shutdown) set", log);
        s.rehearse(log);

        assertTrue(client.v1().events().inNamespace("knut").list().getItems().get(0).getMessage().startsWith("[dry run"));
        assertFalse(cordoned(client.nodes().withName(NODE).get()), "not cordoned");
        assertEquals(List.of(), api.evictionRequests());
        assertEquals(List.of(), powerOffs);
        assertEquals(List.of("would cordon node worker-1",
                "would evict 5 pods within 20 s, lowest priority first (at most 40 s if each used its whole grace period);"
                        + " left to the kubelet: kube-system/etcd-worker-1 (mirror pod), kube-system/fluentd-x (DaemonSet)",
                "would evict priority -10: batch/report", "would evict priority 0: default/no-class",
                "would evict priority 1000: shop/web-0, shop/web-1", "would evict priority 1000000: shop/db-0",
                "would power off (recorded)"), steps.subList(1, steps.size()));
    }
}
