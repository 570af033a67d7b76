package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.upsd.testing.Cli;
import org.knut.upsd.testing.KnutUpsd;
import org.knut.upsd.testing.NutConf;
import org.knut.upsd.testing.NutConversation;
import org.knut.upsd.testing.Poll;
import org.knut.upsd.testing.RealDummyUps;

/**
 * Our upsd following a real dummy-ups through its life: killed (driver not connected), restarted (the
 * data comes back), frozen (stale after MAXAGE, here 2 s), thawed. upsc's messages are NUT's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;

    private RealDummyUps driver;
    private KnutUpsd knut;

    @BeforeAll
    void start() throws Exception {
        Path conf = NutConf.write(tmp, Map.of("demo", NutConf.ddl("APC__Back-UPS_ES_700__usbhid-ups__2.6.5__01.dev")),
                "MAXAGE 2\n");
        driver = RealDummyUps.start(conf, conf.resolve("state"), "demo");
        knut = KnutUpsd.start(conf, conf.resolve("state"), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (knut != null) {
                knut.close();
            }
        } finally {
            if (driver != null) {
                driver.close();
            }
        }
    }

    @BeforeEach
    void fresh() {
        Await.until("the UPS to be served", WAIT, () -> knut.upsd().registry().find("demo").ready());
    }

    /** What upsc shows for ups.status when all is well: the .dev's status, with FSD once a test latched it. */
    private List<String> healthy() {
        return List.of((knut.upsd().registry().find("demo").fsd() ? "FSD " : "") + "OL OFF");
    }

    private Cli.Result status() {
        return Cli.run("upsc", knut.ups("demo"), "ups.status");
    }

    @Test
    void aKilledDriverIsNotConnectedUntilItIsBack() throws Exception {
        driver.kill();
        Poll.untilEquals("upsc to report the lost driver", WAIT, "Error: Driver not connected", () -> status().error());
        assertEquals(1, status().exitCode());
        try (NutConversation c = new NutConversation(knut.port())) {
            assertEquals("ERR DRIVER-NOT-CONNECTED\n", c.exchange("LIST VAR demo"));
            assertEquals("UPSDESC demo \"nut-sandbox demo\"\n", c.exchange("GET UPSDESC demo"), "no driver needed");
        }
        driver.restart();
        Poll.untilEquals("the data to come back", WAIT, healthy(), () -> status().lines());
    }

    @Test
    void aFrozenDriverGoesStaleAndRecovers() {
        driver.freeze();
        try {
            Poll.untilEquals("upsc to report stale data", WAIT, "Error: Data stale", () -> status().error());
        } finally {
            driver.thaw();
        }
        Poll.untilEquals("fresh data again", WAIT, healthy(), () -> status().lines());
    }

    @Test
    void theFsdLatchOutlivesTheDriver() throws Exception {
        try (NutConversation mon = new NutConversation(knut.port())) {
            mon.exchange("USERNAME monuser");
            mon.exchange("PASSWORD monpass");
            assertEquals("OK FSD-SET\n", mon.exchange("FSD demo"));
        }
        assertEquals(List.of("FSD OL OFF"), status().lines());
        driver.restart();
        Poll.untilEquals("the data after the restart", WAIT, List.of("FSD OL OFF"), () -> status().lines());
    }
}
