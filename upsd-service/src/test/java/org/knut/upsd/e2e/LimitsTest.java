package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.upsd.testing.KnutUpsd;
import org.knut.upsd.testing.RawClient;
import org.knut.upsd.testing.ScriptedDriver;

/** MAXCONN, the host filter and the idle timeout, on a upsd fed by a scripted driver. */
class LimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path conf;

    private ScriptedDriver driver;
    private KnutUpsd knut;

    @BeforeEach
    void driver() throws Exception {
        Files.createDirectories(conf.resolve("state"));
        Files.writeString(conf.resolve("ups.conf"), "[demo]\n\tdriver = scripted\n\tport = none\n");
        driver = new ScriptedDriver(conf.resolve("state/scripted-demo"),
                List.of("SETINFO ups.status \"OL\"", "DATAOK", "DUMPDONE"));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (knut != null) {
                knut.close();
            }
        } finally {
            driver.close();
        }
    }

    private void start(String upsdConf, Map<String, String> settings) throws Exception {
        Files.writeString(conf.resolve("upsd.conf"), upsdConf);
        knut = KnutUpsd.start(conf, conf.resolve("state"), settings);
        Await.until("the UPS to be served", WAIT, () -> knut.upsd().registry().find("demo").ready());
    }

    @Test
    void clientsBeyondMaxconnAreClosedAtOnce() throws Exception {
        start("MAXCONN 3\n", Map.of());
        List<RawClient> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RawClient c = new RawClient(knut.port());
                admitted.add(c);
                assertEquals("1.3", c.ask("NETVER"));
            }
            try (RawClient refused = new RawClient(knut.port())) {
                assertTrue(refused.closedByServer());
            }
            for (RawClient c : admitted) {
                assertEquals("VAR demo ups.status \"OL\"", c.ask("GET VAR demo ups.status"));
            }
            admitted.remove(0).close();
            Await.until("room for one more", WAIT, () -> knut.upsd().clients() == 2);
            try (RawClient c = new RawClient(knut.port())) {
                assertEquals("1.3", c.ask("NETVER"));
            }
        } finally {
            for (RawClient c : admitted) {
                c.close();
            }
        }
    }

    @Test
    void oneAddressCannotTakeEveryConnection() throws Exception {
        start("MAXCONN 10\n", Map.of("knut.upsd.max-conn-per-address", "2"));
        try (RawClient a = new RawClient(knut.port()); RawClient b = new RawClient(knut.port())) {
            assertEquals("1.3", a.ask("NETVER"));
            assertEquals("1.3", b.ask("NETVER"));
            try (RawClient refused = new RawClient(knut.port())) {
                assertTrue(refused.closedByServer());
            }
            try (RawClient other = new RawClient(knut.port(), "127.0.0.2")) {
                assertEquals("1.3", other.ask("NETVER"), "another address still gets in");
            }
            assertEquals("VAR demo ups.status \"OL\"", a.ask("GET VAR demo ups.status"));
        }
        Await.until("both clients gone", WAIT, () -> knut.upsd().clients() == 0);
        try (RawClient again = new RawClient(knut.port())) {
            assertEquals("1.3", again.ask("NETVER"), "the address's count went down as its clients left");
        }
    }

    @Test
    void addressesOutsideTheAllowedBlocksAreClosedAtOnce() throws Exception {
        start("", Map.of("knut.upsd.allow", "10.0.0.0/8, ::1/128"));
        try (RawClient c = new RawClient(knut.port())) {
            assertTrue(c.closedByServer());
        }
        assertEquals(0, knut.upsd().clients());
    }

    @Test
    void allowedAddressesAreServed() throws Exception {
        start("", Map.of("knut.upsd.allow", "127.0.0.0/8"));
        try (RawClient c = new RawClient(knut.port())) {
            assertEquals("VAR demo ups.status \"OL\"", c.ask("GET VAR demo ups.status"));
        }
    }

    @Test
    void silentClientsAreShedAfterTheIdleTimeout() throws Exception {
        start("", Map.of("knut.upsd.idle-timeout", "1s"));
        try (RawClient silent = new RawClient(knut.port()); RawClient talker = new RawClient(knut.port())) {
            long start = System.nanoTime();
            Await.until("the silent client to be closed", WAIT, () -> {
                try {
                    assertEquals("1.3", talker.ask("NETVER"));
                    return knut.upsd().clients() == 1;
                } catch (Exception e) {
                    throw new AssertionError("the talking client was dropped", e);
                }
            });
            assertTrue(silent.closedByServer());
            assertTrue(System.nanoTime() - start >= 900_000_000L, "not before the timeout");
            assertEquals("1.3", talker.ask("NETVER"), "the talking client is still served");
        }
    }
}
