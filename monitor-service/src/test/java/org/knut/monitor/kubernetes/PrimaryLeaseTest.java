package org.knut.monitor.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.core.testing.Await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Two monitors competing for UPS demo's primary role through its Lease on the mock API server. */
class PrimaryLeaseTest {
    static final KubernetesSettings.LeaseTimings FAST = new KubernetesSettings.LeaseTimings(Duration.ofMillis(1500),
            Duration.ofMillis(1000), Duration.ofMillis(200));

    ApiServer api;
    KubernetesClient clientA;
    KubernetesClient clientB;
    /** The test's own view of the API server. */
    KubernetesClient observer;
    PrimaryLease a;
    PrimaryLease b;
    Monitor candidate;
    Monitor secondaryLine;

    @BeforeEach
    void start() throws Exception {
        api = new ApiServer();
        clientA = api.client("node-a");
        clientB = api.client("node-b");
        observer = api.client();
        UpsmonConf conf = UpsmonConf.parse("upsmon.conf", "MONITOR demo@upsd 1 mon pass primary\nMONITOR other@upsd 1 mon pass secondary\n");
        candidate = conf.monitors().get(0);
        secondaryLine = conf.monitors().get(1);
        a = new PrimaryLease(clientA, "knut", "node-a", FAST);
        b = new PrimaryLease(clientB, "knut", "node-b", FAST);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        clientA.close();
        clientB.close();
        observer.close();
        api.close();
    }

    int primaries() {
        return (a.primary(candidate) ? 1 : 0) + (b.primary(candidate) ? 1 : 0);
    }

    String holder() {
        Lease l = observer.leases().inNamespace("knut").withName("knut-ups-demo").get();
        return l == null ? null : l.getSpec().getHolderIdentity();
    }

    @Test
    void exactlyOnePrimaryAndTakeoverAfterTheHolderStopsRenewing() throws Exception {
        a.compete(List.of("demo"));
        b.compete(List.of("demo"));
        Await.until("one monitor to hold the Lease", Duration.ofSeconds(15), () -> primaries() == 1);
        String first = a.primary(candidate) ? "node-a" : "node-b";
        assertEquals(first, holder());
        // renewals go on, and the role stays with one monitor only
        String renewed = observer.leases().inNamespace("knut").withName("knut-ups-demo").get().getSpec().getRenewTime().toString();
        Await.until("a renewal", Duration.ofSeconds(10),
                () -> !renewed.equals(observer.leases().inNamespace("knut").withName("knut-ups-demo").get().getSpec().getRenewTime().toString()));
        assertEquals(1, primaries());
        assertFalse(a.primary(secondaryLine) || b.primary(secondaryLine), "a secondary MONITOR line never becomes primary");

        // the holder cannot reach the API server any more: its Lease is not released, only expires
        PrimaryLease dead = first.equals("node-a") ? a : b;
        PrimaryLease other = dead == a ? b : a;
        api.partition(first);
        Await.until("the other monitor to take over after expiry", Duration.ofSeconds(20), () -> other.primary(candidate));
        assertEquals(dead == a ? "node-b" : "node-a", holder());
        Await.until("the cut-off holder to give the role up", Duration.ofSeconds(10), () -> !dead.primary(candidate));
        assertEquals(1, primaries());
    }

    @Test
    void closingReleasesTheLeaseForTheOther() throws Exception {
        a.compete(List.of("demo"));
        Await.until("node-a to hold the Lease", Duration.ofSeconds(15), () -> a.primary(candidate));
        b.compete(List.of("demo"));
        a.close();
        assertFalse(a.primary(candidate));
        Await.until("node-b to take the released Lease", Duration.ofSeconds(15), () -> b.primary(candidate));
        assertTrue(b.holds("demo"));
        assertEquals("node-b", holder());
    }

    @Test
    void leaseNamesAreDnsNames() {
        assertEquals("knut-ups-rack-1.ups", PrimaryLease.leaseName("Rack_1.UPS"));
    }
}
