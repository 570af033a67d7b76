package org.knut.driver.snmp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.runtime.DriverSupervisor;
import org.knut.driver.runtime.UpsRunner;
import org.knut.driver.spi.DriverRegistry;
import org.snmp4j.smi.Gauge32;

/**
 * Several snmp-ups UPSes in one driver-service instance, started from one ups.conf as upsdrvctl starts
 * them: when one agent dies, its UPS goes stale, while the other goes on being polled every second.
 */
class SnmpUpsesInOneInstanceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHARGE = TestAgent.APC + "2.2.1.0";

    @TempDir
    Path dir;

    private final List<TestAgent> agents = new ArrayList<>();
    private DriverSupervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.runners().forEach(UpsRunner::stop);
        }
        agents.forEach(TestAgent::close);
    }

    @Test
    void aDeadAgentMakesOnlyItsOwnUpsStale() throws Exception {
        TestAgent live = agent();
        TestAgent dying = agent();
        // the dying agent's UPS waits 2 x 5 s for each unanswered request, and asks twice before it gives up
        Files.writeString(dir.resolve("ups.conf"), section("live", live, 1, 0) + section("dying", dying, 5, 1));
        Path state = Files.createDirectories(dir.resolve("state"));
        supervisor = new DriverSupervisor(new DriverRegistry(List.of(new SnmpUpsFactory())), new DriverSettings(
                Optional.of(dir.toString()), Optional.of(state.toString()), Optional.empty(), OptionalInt.empty(), "127.0.0.1",
                DriverSettings.DEFAULT_MAX_PENDING_BYTES));
        supervisor.startAll();
        UpsRunner liveUps = supervisor.runner("live");
        UpsRunner dyingUps = supervisor.runner("dying");
        Await.until("both UPSes running with fresh data", WAIT, () -> liveUps.ready() && dyingUps.ready());

        dying.silence(true);
        int asked = dying.requests();
        Await.until("the dying UPS's poll waiting for its agent", WAIT, () -> dying.requests() > asked);
        for (int charge : new int[] {70, 60, 50}) {
            live.put(CHARGE, new Gauge32(charge));
            Await.until("the live UPS publishing battery.charge " + charge, WAIT,
                    () -> String.valueOf(charge).equals(liveUps.state().value("battery.charge")));
        }
        assertTrue(dyingUps.state().upsState().dataOk(), "the live UPS's polls went on while the dying one's still waited");

        Await.until("the dying UPS stale", WAIT, () -> !dyingUps.state().upsState().dataOk() && !dyingUps.ready());
        assertTrue(liveUps.ready(), "the live UPS stays fresh");
        live.put(CHARGE, new Gauge32(40));
        Await.until("the live UPS still following its agent", WAIT, () -> "40".equals(liveUps.state().value("battery.charge")));
        assertFalse(dyingUps.state().upsState().dataOk());

        dying.silence(false);
        Await.until("the dying UPS fresh again once its agent answers", WAIT, dyingUps::ready);
    }

    private TestAgent agent() throws IOException {
        TestAgent a = TestAgent.start("public", null).apcSmartUps();
        agents.add(a);
        return a;
    }

    private static String section(String name, TestAgent agent, int timeout, int retries) {
        return "[" + name + "]\n\tdriver = snmp-ups\n\tport = 127.0.0.1:" + agent.port() + "\n\tpollinterval = 1\n\tpollfreq = 1\n"
                + "\tsnmp_timeout = " + timeout + "\n\tsnmp_retries = " + retries + "\n";
    }
}
