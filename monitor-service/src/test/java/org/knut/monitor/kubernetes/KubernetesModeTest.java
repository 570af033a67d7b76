package org.knut.monitor.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.knut.monitor.runtime.KubernetesAssembly;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.StepLog;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Kubernetes mode wired as the service runs it: this node's label picks UPS demo on real NUT's upsd,
 * the monitor takes the Lease and logs in as primary; on OB LB it sets FSD in upsd, records the Events,
 * cordons, evicts and calls the power-off, which the test records.
 */
class KubernetesModeTest {
    NutSandbox nut;
    ApiServer api;
    KubernetesClient client;
    ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(10));
    KubernetesAssembly mode;
    Thread engine;
    final List<String> powerOffs = new CopyOnWriteArrayList<>();

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
            if (mode != null) {
                mode.upsmon().stop();
                engine.interrupt();
                engine.join(10_000);
                mode.close();
            }
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
        HostShutdown powerOff = new HostShutdown() {
            @Override
            public String describe() {
                return "power off (recorded)";
            }

            @Override
            public void shutDown(StepLog log) {
                powerOffs.add("evicted " + api.evictions());
            }
        };
        mode = KubernetesAssembly.start(client, k, new MonitorSettings(conf, false, List.of(), Thresholds.NONE), runner, powerOff);
        assertEquals(List.of(nut.ups("demo")), mode.upsmon().monitors().stream().map(m -> m.system()).toList(),
                "only the MONITOR line of the node's UPS");
        engine = new Thread(mode.upsmon()::run, "test-upsmon");
        engine.start();
        Await.until("the Lease and a primary session", Duration.ofSeconds(20),
                () -> mode.lease().holds("demo") && !mode.upsmon().views().isEmpty() && mode.upsmon().views().get(0).role().equals("primary"));

        Command.Result set = Command.run(List.of(NutSandbox.SCRIPT.toString(), "set", nut.dir().toString(), "demo", "ups.status", "OB", "LB"));
        assertEquals(0, set.exitCode(), set.toString());
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
}
