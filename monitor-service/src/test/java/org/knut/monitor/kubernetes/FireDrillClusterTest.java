package org.knut.monitor.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.core.config.UpsmonConf;
import org.knut.core.testing.NutSandbox;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.config.Thresholds;
import org.knut.monitor.drill.Report;
import org.knut.monitor.runtime.FireDrillCommand;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The fire drill for a cluster: nodes and their thresholds from the mock API server, the battery from
 * real NUT's upsd (dummy-ups: battery.charge 100, battery.runtime 3600), the primary from the Lease.
 */
class FireDrillClusterTest {
    NutSandbox nut;
    ApiServer api;
    KubernetesClient client;
    KubernetesSettings k;

    @BeforeEach
    void start() throws Exception {
        nut = NutSandbox.start();
        api = new ApiServer();
        client = api.client();
        client.nodes().resource(ApiServer.node("batch-1", Map.of("knut.io/ups", "demo"), Map.of(NodeProfile.THRESHOLD + "on-battery", "300")))
                .create();
        client.nodes().resource(ApiServer.node("web-1", Map.of(), Map.of("knut.io/ups", "demo", NodeProfile.THRESHOLD + "runtime", "1800")))
                .create();
        client.nodes().resource(ApiServer.node("db-1", Map.of(), Map.of(NodeProfile.THRESHOLD + "charge", "20"))).create();
        client.nodes().resource(ApiServer.node("lab-1", Map.of("knut.io/ups", "lab"), Map.of())).create();
        for (String p : List.of("etl-a", "etl-b")) {
            client.pods().inNamespace("batch").resource(ApiServer.pod("batch", p, "batch-1", 0)).create();
        }
        holdLease("db-1");
        k = new KubernetesSettings("db-1", Optional.of("knut"), "knut.io/ups", Optional.of("demo"), Duration.ofSeconds(60),
                Duration.ofSeconds(2), "true", PrimaryLeaseTest.FAST);
    }

    void holdLease(String node) {
        client.leases().inNamespace("knut").resource(new LeaseBuilder().withNewMetadata().withName("knut-ups-demo").withNamespace("knut")
                .endMetadata().withNewSpec().withHolderIdentity(node).endSpec().build()).createOr(l -> l.update());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            client.close();
            api.close();
        } finally {
            nut.close();
        }
    }

    MonitorSettings settings() throws Exception {
        return new MonitorSettings(UpsmonConf.parse("upsmon.conf", "MONITOR " + nut.ups("demo") + " 1 " + NutSandbox.MONUSER + " "
                + NutSandbox.MONUSER_PASSWORD + " primary\nPOLLFREQ 5\nHOSTSYNC 15\nFINALDELAY 5\n"), false, List.of(), Thresholds.NONE);
    }

    @Test
    void nodesLeaveByTheirThresholdsThePrimaryLastAndAllBeforeTheBatteryIsEmpty() throws Exception {
        Report r = new FireDrillCommand(settings(), Duration.ofSeconds(30), null).cluster(client, k);
        String text = r.render();
        assertTrue(r.safe(), text);
        List<String> rows = text.lines().filter(l -> l.matches("\\s+\\d+\\s+\\S+\\s+(primary|secondary).*")).toList();
        assertEquals(3, rows.size(), text);
        assertTrue(rows.get(0).matches("\\s+1\\s+batch-1\\s+secondary\\s+\\+305 s\\s+\\+310 s\\s+10s\\s+30s\\s+\\+350 s\\s+3250 s.*on battery for more than 300 s.*"),
                rows.get(0));
        assertTrue(rows.get(1).matches("\\s+2\\s+web-1\\s+secondary\\s+\\+1805 s.*battery.runtime 1795 s below 1800 s.*"), rows.get(1));
        assertTrue(rows.get(2).matches("\\s+3\\s+db-1\\s+primary\\s+\\+2885 s\\s+\\+2890 s\\s+0s\\s+30s\\s+\\+2920 s\\s+680 s.*battery.charge 19.9 % below 20 %.*"),
                rows.get(2));
        assertTrue(text.contains("note: node lab-1 left out: node lab-1: is fed by UPS 'lab', which no MONITOR line watches"), text);
        assertTrue(text.contains("db-1 holds Lease knut/knut-ups-demo: primary"), text);
        assertTrue(text.contains("note: db-1 leaves on its own threshold at +2885 s without FSD and hands the primary role on: "
                + "no candidate is left, nobody sets FSD"), text);
        assertTrue(text.contains("batch-1: 2 pod(s) to evict in 1 priority group(s): up to 10 s"), text);
        assertTrue(text.contains("UPS " + nut.ups("demo") + ": at the cut battery.charge 100 %, battery.runtime 3600 s"), text);
        assertTrue(text.endsWith("verdict: SAFE: all 3 node(s) are down by +2920 s, the closest 680 s before its battery runs out\n"), text);
    }

    /**
     * The Lease on the batch node that leaves first: it leaves alone, without FSD, and the role moves on;
     * the others still leave by their own thresholds, at the same times as with the Lease on db-1.
     */
    @Test
    void anEarlyLeavingLeaseHolderTakesNobodyWithIt() throws Exception {
        holdLease("batch-1");
        Report r = new FireDrillCommand(settings(), Duration.ofSeconds(30), null).cluster(client, k);
        String text = r.render();
        assertTrue(r.safe(), text);
        List<String> rows = text.lines().filter(l -> l.matches("\\s+\\d+\\s+\\S+\\s+(primary|secondary).*")).toList();
        assertEquals(3, rows.size(), text);
        assertTrue(rows.get(0).matches("\\s+1\\s+batch-1\\s+primary\\s+\\+305 s\\s+\\+310 s.*on battery for more than 300 s.*"), rows.get(0));
        assertTrue(rows.get(1).matches("\\s+2\\s+web-1\\s+secondary\\s+\\+1805 s.*"), rows.get(1));
        assertTrue(rows.get(2).matches("\\s+3\\s+db-1\\s+primary\\s+\\+2885 s\\s+\\+2890 s.*"), rows.get(2));
        assertTrue(text.contains("note: batch-1 leaves on its own threshold at +305 s without FSD and hands the primary role on to db-1 "
                + "(the candidate that stays longest)"), text);
        assertFalse(text.contains("FSD (forced shutdown) set"), "nobody's shutdown came from an FSD: " + text);
    }

    @Test
    void aSlowHostOnAShortBatteryIsNotSafe() throws Exception {
        Report r = new FireDrillCommand(settings(), Duration.ofSeconds(600), 1000).cluster(client, k);
        String text = r.render();
        assertFalse(r.safe(), text);
        assertTrue(text.contains("verdict: NOT SAFE: "), text);
        assertTrue(text.contains("db-1 (down at +"), text);
    }
}
