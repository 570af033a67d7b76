package org.knut.monitor.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import org.knut.monitor.process.ProcessCommandRunner;
import org.knut.monitor.runtime.FireDrillCommand;
import org.knut.monitor.runtime.KubernetesAssembly;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.StepLog;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The monitor's Kubernetes actions with exactly the RBAC rules the Helm chart grants (read from
 * k8s/base/knut.yaml, which the helm module keeps identical to the chart): a whole power failure
 * (Lease, node read, Events, cordon, evictions) and a fire drill must need no call outside them, and
 * every rule granted must be used by them; a call outside them is refused.
 */
class ChartRbacTest {
    static final String NAMESPACE = "ups";

    NutSandbox nut;
    ApiServer api;
    KubernetesClient client;
    ChartRbac rbac;
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
        rbac = ChartRbac.load(NAMESPACE);
        api.enforce(rbac); // the cluster is set up; from here on the monitor has only the chart's rights
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
    void aPowerFailureAndAFireDrillNeedExactlyTheChartsRules() throws Exception {
        UpsmonConf conf = UpsmonConf.parse("upsmon.conf", "MONITOR " + nut.ups("demo") + " 1 " + NutSandbox.MONUSER + " "
                + NutSandbox.MONUSER_PASSWORD + " primary\nPOLLFREQ 1\nPOLLFREQALERT 1\nFINALDELAY 0\nHOSTSYNC 5\n");
        KubernetesSettings k = new KubernetesSettings("worker-1", Optional.of(NAMESPACE), "knut.io/ups", Optional.empty(),
                Duration.ofSeconds(20), Duration.ofMillis(100), "true", PrimaryLeaseTest.FAST);
        MonitorSettings settings = new MonitorSettings(conf, false, List.of(), Thresholds.NONE);

        new FireDrillCommand(settings, Duration.ofSeconds(30), null).cluster(client, k);

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
        mode = KubernetesAssembly.start(client, k, settings, runner, powerOff);
        engine = new Thread(mode.upsmon()::run, "test-upsmon");
        engine.start();
        Await.until("the Lease", Duration.ofSeconds(20), () -> mode.lease().holds("demo"));
        Command.Result set = Command.run(List.of(NutSandbox.SCRIPT.toString(), "set", nut.dir().toString(), "demo", "ups.status", "OB", "LB"));
        assertEquals(0, set.exitCode(), set.toString());
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
}
