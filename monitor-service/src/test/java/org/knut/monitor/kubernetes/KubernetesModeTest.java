package org.knut.monitor.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.core.config.UpsmonConf;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.knut.core.testing.NutSandbox;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.config.Thresholds;
import org.knut.monitor.engine.Upsmon;
import org.knut.monitor.process.ProcessCommandRunner;
import org.knut.monitor.runtime.FireDrillCommand;
import org.knut.monitor.runtime.KubernetesAssembly;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.StepLog;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Kubernetes mode wired as the service runs it: this node's label picks UPS demo on real NUT's upsd,
 * the monitor takes the Lease and logs in as primary; on OB LB it sets FSD in upsd, records the Events,
 * cordons, evicts and calls the power-off, which the test records; and the same with the chart's RBAC enforced.
 */
class KubernetesModeTest {
    static final String NAMESPACE = "ups";

    NutSandbox nut;
    ApiServer api;
    KubernetesClient client;
    ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(10));
    KubernetesAssembly mode;
    Thread engine;
    final List<String> powerOffs = new CopyOnWriteArrayList<>();
    /** A second node's monitor, in the tests that run two. */
    KubernetesAssembly other;
    Thread otherEngine;

    @BeforeEach
    void start() throws Exception {
        nut = NutSandbox.start();
        api = new ApiServer();
        client = api.client();
        client.nodes().resource(ApiServer.node("worker-1", Map.of("knut.io/ups", "demo"), Map.of())).create();
        client.pods().inNamespace("shop").resource(ApiServer.pod("shop", "web-0", "worker-1", 100)).create();
        client.pods().inNamespace("batch").resource(ApiServer.pod("batch", "etl", "worker-1", 0)).create();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            stop(mode, engine);
            stop(other, otherEngine);
            runner.close();
            client.close();
            api.close();
        } finally {
            nut.close();
        }
    }

    @Test
    void thePrimaryNodeSetsFsdDrainsAndPowersOff() throws Exception {
        UpsmonConf conf = UpsmonConf.parse("upsmon.conf", "MONITOR " + nut.ups("demo") + " 1 " + NutSandbox.MONUSER + " "
                + NutSandbox.MONUSER_PASSWORD + " primary\nMONITOR other@127.0.0.1:9 1 u p secondary\n"
                + "POLLFREQ 1\nPOLLFREQALERT 1\nFINALDELAY 0\nHOSTSYNC 5\n");
        KubernetesSettings k = new KubernetesSettings("worker-1", Optional.of("knut"), "knut.io/ups", Optional.empty(),
                Duration.ofSeconds(20), Duration.ofMillis(100), "true", PrimaryLeaseTest.FAST);
        mode = KubernetesAssembly.start(client, k, new MonitorSettings(conf, false, List.of(), Thresholds.NONE), runner, recordedPowerOff());
        assertEquals(List.of(nut.ups("demo")), mode.upsmon().monitors().stream().map(m -> m.system()).toList(),
                "only the MONITOR line of the node's UPS");
        engine = new Thread(mode.upsmon()::run, "test-upsmon");
        engine.start();
        Await.until("the Lease and a primary session", Duration.ofSeconds(20),
                () -> mode.lease().holds("demo") && !mode.upsmon().views().isEmpty() && mode.upsmon().views().get(0).role().equals("primary"));

        cutPower();
        Await.until("the power-off", Duration.ofSeconds(30), () -> !powerOffs.isEmpty());
        assertEquals(List.of("evicted [batch/etl, shop/web-0]"), powerOffs);
        assertTrue(mode.upsmon().state() == Upsmon.State.FINISHED || mode.upsmon().state() == Upsmon.State.SHUTTING_DOWN);
        try (var c = nut.client()) {
            assertTrue(c.get("demo", "ups.status").startsWith("FSD"), "the primary set FSD in upsd");
        }
        List<String> reasons = client.v1().events().inNamespace("knut").list().getItems().stream().map(Event::getReason).toList();
        assertTrue(reasons.containsAll(List.of("PowerFailShutdown", "ONBATT", "LOWBATT", "FSD", "SHUTDOWN")), reasons.toString());
        assertTrue(client.nodes().withName("worker-1").get().getSpec().getUnschedulable());
        assertEquals("worker-1", client.leases().inNamespace("knut").withName("knut-ups-demo").get().getSpec().getHolderIdentity());
    }

    /**
     * The same power failure, plus a fire drill, with exactly the RBAC rules the Helm chart grants (read
     * from k8s/base/knut.yaml, which the helm module keeps identical to the chart): no call may fall
     * outside them, every rule granted must be used, and a call outside them is refused.
     */
    @Test
    void aPowerFailureAndAFireDrillNeedExactlyTheChartsRules() throws Exception {
        ChartRbac rbac = ChartRbac.load(NAMESPACE);
        api.enforce(rbac); // the cluster is set up; from here on the monitor has only the chart's rights
        UpsmonConf conf = UpsmonConf.parse("upsmon.conf", "MONITOR " + nut.ups("demo") + " 1 " + NutSandbox.MONUSER + " "
                + NutSandbox.MONUSER_PASSWORD + " primary\nPOLLFREQ 1\nPOLLFREQALERT 1\nFINALDELAY 0\nHOSTSYNC 5\n");
        KubernetesSettings k = new KubernetesSettings("worker-1", Optional.of(NAMESPACE), "knut.io/ups", Optional.empty(),
                Duration.ofSeconds(20), Duration.ofMillis(100), "true", PrimaryLeaseTest.FAST);
        MonitorSettings settings = new MonitorSettings(conf, false, List.of(), Thresholds.NONE);

        new FireDrillCommand(settings, Duration.ofSeconds(30), null).cluster(client, k);

        mode = KubernetesAssembly.start(client, k, settings, runner, recordedPowerOff());
        engine = new Thread(mode.upsmon()::run, "test-upsmon");
        engine.start();
        Await.until("the Lease", Duration.ofSeconds(20), () -> mode.lease().holds("demo"));
        cutPower();
        Await.until("the power-off", Duration.ofSeconds(30), () -> !powerOffs.isEmpty());
        assertEquals(List.of("evicted [batch/etl, shop/web-0]"), powerOffs);
        mode.upsmon().stop(); // and let go of the Lease, as a monitor that stops does
        engine.join(10_000);
        mode.close();
        mode = null;

        assertEquals(List.of(), rbac.denied(), "calls the chart does not grant");
        assertEquals(Set.of(), rbac.unused(), "rules the chart grants that the monitor never needed");

        KubernetesClientException refused = assertThrows(KubernetesClientException.class,
                () -> client.pods().inNamespace("shop").withName("etl").delete());
        assertEquals(403, refused.getCode());
        assertTrue(rbac.denied().get(0).startsWith("DELETE /api/v1/namespaces/shop/pods/etl"), rbac.denied().toString());
    }

    /**
     * Staged shutdown with the Lease on the wrong node: batch-1 leaves after 1 s on battery and holds the
     * Lease, db-1 has no threshold. batch-1 goes alone (no FSD in upsd, db-1 stays up), releasing the
     * Lease on its way so db-1 becomes primary; OB LB later is db-1's to act on: it sets FSD.
     */
    @Test
    void anEarlyThresholdOnTheLeaseHolderTakesOnlyThatNodeOutAndTheLeaseMoves() throws Exception {
        client.nodes().resource(ApiServer.node("batch-1", Map.of("knut.io/ups", "demo"), Map.of(NodeProfile.THRESHOLD + "on-battery", "1")))
                .create();
        client.nodes().resource(ApiServer.node("db-1", Map.of("knut.io/ups", "demo"), Map.of())).create();
        client.pods().inNamespace("batch").resource(ApiServer.pod("batch", "etl-b", "batch-1", 0)).create();
        UpsmonConf conf = UpsmonConf.parse("upsmon.conf", "MONITOR " + nut.ups("demo") + " 1 " + NutSandbox.MONUSER + " "
                + NutSandbox.MONUSER_PASSWORD + " primary\nPOLLFREQ 1\nPOLLFREQALERT 1\nFINALDELAY 0\nHOSTSYNC 5\n");
        MonitorSettings settings = new MonitorSettings(conf, false, List.of(), Thresholds.NONE);
        List<String> dbPowerOffs = new CopyOnWriteArrayList<>();

        mode = KubernetesAssembly.start(api.client("batch-1"), settingsFor("batch-1"), settings, runner, recordedPowerOff(powerOffs));
        engine = run(mode, "batch-1");
        Await.until("batch-1 to hold the Lease", Duration.ofSeconds(20), () -> mode.lease().holds("demo"));
        other = KubernetesAssembly.start(api.client("db-1"), settingsFor("db-1"), settings, runner, recordedPowerOff(dbPowerOffs));
        otherEngine = run(other, "db-1");
        Await.until("db-1 to log in as a secondary", Duration.ofSeconds(20),
                () -> !other.upsmon().views().isEmpty() && other.upsmon().views().get(0).communicating());

        setStatus("OB");
        Await.until("batch-1's power-off", Duration.ofSeconds(30), () -> !powerOffs.isEmpty());
        assertEquals(List.of("evicted [batch/etl-b]"), powerOffs, "batch-1 drained its own pods only");
        assertTrue(mode.upsmon().lastShutdownAlone());
        assertTrue(mode.upsmon().lastShutdown().stream().anyMatch(l -> l.contains("released Lease(s) [knut/knut-ups-demo]")),
                mode.upsmon().lastShutdown().toString());
        Await.until("the Lease to move to db-1", Duration.ofSeconds(20), () -> other.lease().holds("demo")
                && "db-1".equals(client.leases().inNamespace("knut").withName("knut-ups-demo").get().getSpec().getHolderIdentity()));
        Await.until("db-1 to act as primary", Duration.ofSeconds(10), () -> other.upsmon().views().get(0).role().equals("primary"));
        try (var c = nut.client()) {
            assertEquals("OB", c.get("demo", "ups.status"), "no FSD: the UPS still feeds db-1");
        }
        assertEquals(List.of(), dbPowerOffs);
        assertEquals(Upsmon.State.RUNNING, other.upsmon().state());
        var dbSpec = client.nodes().withName("db-1").get().getSpec();
        assertFalse(dbSpec != null && Boolean.TRUE.equals(dbSpec.getUnschedulable()), "db-1 is not cordoned");
        assertTrue(client.nodes().withName("batch-1").get().getSpec().getUnschedulable(), "batch-1 is");

        cutPower();
        Await.until("db-1's power-off", Duration.ofSeconds(30), () -> !dbPowerOffs.isEmpty());
        assertFalse(other.upsmon().lastShutdownAlone());
        try (var c = nut.client()) {
            assertTrue(c.get("demo", "ups.status").startsWith("FSD"), "the new primary set FSD on NUT's critical condition");
        }
    }

    private KubernetesSettings settingsFor(String node) {
        return new KubernetesSettings(node, Optional.of("knut"), "knut.io/ups", Optional.empty(), Duration.ofSeconds(20),
                Duration.ofMillis(100), "true", PrimaryLeaseTest.FAST);
    }

    private static Thread run(KubernetesAssembly a, String node) {
        Thread t = new Thread(a.upsmon()::run, "test-upsmon-" + node);
        t.start();
        return t;
    }

    private static void stop(KubernetesAssembly a, Thread t) throws InterruptedException {
        if (a != null) {
            a.upsmon().stop();
            t.interrupt();
            t.join(10_000);
            a.close();
        }
    }

    private void setStatus(String... words) throws Exception {
        List<String> argv = new ArrayList<>(List.of(NutSandbox.SCRIPT.toString(), "set", nut.dir().toString(), "demo", "ups.status"));
        argv.addAll(List.of(words));
        Command.Result set = Command.run(argv);
        assertEquals(0, set.exitCode(), set.toString());
    }

    /**
     * OB LB in the sandbox's driver. The sandbox's script waits until upsd serves exactly that status; a
     * primary quick enough to set FSD first makes upsd serve "FSD OB LB", which is the change having
     * arrived too, so that answer counts as well.
     */
    private void cutPower() throws Exception {
        Command.Result set = Command.run(List.of(NutSandbox.SCRIPT.toString(), "set", nut.dir().toString(), "demo", "ups.status", "OB", "LB"));
        boolean servedWithFsd = set.stderr().contains("still \"FSD OB LB\"");
        assertTrue(set.exitCode() == 0 || servedWithFsd, set.toString());
    }

    /** The power-off seam, replaced by a recording of what had been evicted when it was called. */
    private HostShutdown recordedPowerOff() {
        return recordedPowerOff(powerOffs);
    }

    private HostShutdown recordedPowerOff(List<String> into) {
        return new HostShutdown() {
            @Override
            public String describe() {
                return "power off (recorded)";
            }

            @Override
            public void shutDown(StepLog log) {
                into.add("evicted " + api.evictions());
            }
        };
    }
}
