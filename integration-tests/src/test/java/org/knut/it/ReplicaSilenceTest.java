package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;
import org.knut.core.sock.ReplicaLogins;
import org.knut.core.testing.Await;
import org.knut.core.testing.Ports;
import org.knut.core.testing.SharedDir;
import org.knut.core.testing.TcpProxy;

/**
 * A replica's node that vanishes without closing anything (its link to the driver goes silent, as when
 * the node loses power or its network) stops counting its logins on the other replicas once the driver
 * has heard nothing from it for {@link ReplicaLogins#SILENCE_LIMIT}. MAXAGE is long here, so that the
 * silent replica's own upsd does not drop the link first: only the driver's silence limit can end it.
 */
class ReplicaSilenceTest {
    private static final int MAXAGE = 60;

    @TempDir
    Path dir;

    @Test
    void aReplicaWhoseLinkGoesSilentStopsCountingAfterTheSilenceLimit() throws Exception {
        Path dev = SharedDir.resolve("testdata/nut-ddl").resolve("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev");
        Path conf = org.knut.core.testing.NutConfDir.write(dir, Map.of("demo", dev), "MAXAGE " + MAXAGE + "\n",
                NutConfDir.users());
        int driverPort = Ports.free();
        try (TcpProxy toFirst = new TcpProxy(driverPort);
             TcpProxy toSecond = new TcpProxy(driverPort);
             KnutStack stack = KnutStack.start(conf, List.of("-Dknut.driver.tcp.port=" + driverPort),
                     List.of("-Dknut.upsd.drivers=demo=tcp:127.0.0.1:" + toFirst.port()));
             KnutStack.Replica second = stack.addReplica("upsd-replica-2.log",
                     List.of("-Dknut.upsd.drivers=demo=tcp:127.0.0.1:" + toSecond.port()));
             NutClient onFirst = stack.client();
             NutClient onSecond = second.client()) {
            onFirst.authenticate(NutConfDir.MONUSER, NutConfDir.MONPASS);
            onFirst.login("demo");
            Await.until("the first replica's login counted on the second", Duration.ofSeconds(30),
                    () -> numLogins(onSecond) == 1);

            long silent = System.nanoTime();
            toFirst.blackhole();
            Await.until("the silent replica's login to stop counting", ReplicaLogins.SILENCE_LIMIT.multipliedBy(3),
                    () -> numLogins(onSecond) == 0);
            Duration took = Duration.ofNanos(System.nanoTime() - silent);
            // the driver last heard the first replica at most a heartbeat (and a housekeeping tick) before
            assertTrue(took.compareTo(ReplicaLogins.SILENCE_LIMIT.minus(ReplicaLogins.HEARTBEAT).minusSeconds(1)) >= 0,
                    "not before the silence limit: " + took);
            assertEquals(List.of(), onSecond.listClients("demo"));
            DrillFigures.report("replica-silent", "a replica's driver link blackholed: its login stopped counting on the other "
                    + DrillFigures.since(silent) + " after (silence limit " + ReplicaLogins.SILENCE_LIMIT.toSeconds() + " s)");
        }
    }

    private static int numLogins(NutClient c) {
        try {
            return c.numLogins("demo");
        } catch (java.io.IOException | NutException e) {
            throw new AssertionError(e);
        }
    }
}
