package org.knut.driver.apcsmart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.serial.LineRecordingOpener;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverRegistry;
import org.knut.driver.testing.Closer;
import org.knut.driver.testing.MutableClock;
import org.knut.driver.testing.Polls;
import org.knut.driver.testing.TestSections;

/**
 * {@code cable = 940-0095B}: APC's alternate cable is powered from DTR and must not see RTS, so the
 * driver raises DTR and drops RTS on every open of the port (apcsmart's apc_ser_set), reopens
 * included; without the option the lines are left alone. The simulator talks over a pty; the
 * modem-line calls are recorded instead, since a pty has none.
 */
class ApcSmartCableTest {
    @TempDir
    Path dir;

    private final LineRecordingOpener lines = new LineRecordingOpener();
    private final DriverRegistry registry = new DriverRegistry(List.of(new ApcSmartFactory(lines)));
    private PtyPair pty;
    private ApcSimulator sim;
    private DriverSession session;

    @AfterEach
    void stop() throws Exception {
        Closer.close(session, sim, pty);
    }

    private DriverSession session(String... settings) throws Exception {
        pty = new PtyPair(dir);
        sim = new ApcSimulator(pty.deviceEnd());
        session = new DriverSession(TestSections.section(registry, "apcsmart", dir, "ups", pty.driverEnd().toString(), settings),
                registry.find("apcsmart"), dir, new MutableClock(1_000_000_000L));
        return session;
    }

    @Test
    void theAlternateCableGetsDtrOnAndRtsOffOnEveryOpen() throws Exception {
        session("cable=940-0095B").start();
        assertEquals("OL", session.state().value("ups.status"));
        assertEquals(List.of("DTR=1 RTS=0"), lines.outputs());
        pty.vanish();
        assertThrows(DriverException.class, session::update);
        pty.plugIn();
        Polls.untilFresh(session, Duration.ofSeconds(20));
        assertEquals(2, lines.opens());
        assertEquals(List.of("DTR=1 RTS=0", "DTR=1 RTS=0"), lines.outputs(), "set again on the reopened port");
    }

    @Test
    void withoutTheOptionTheLinesAreLeftAlone() throws Exception {
        session("cable=940-0024C").start();
        assertEquals("OL", session.state().value("ups.status"));
        assertEquals(List.of(), lines.outputs());
    }

    @Test
    void aPortWithoutModemControlCannotServeTheAlternateCable() throws Exception {
        lines.refuseOutputs();
        DriverException e = assertThrows(DriverException.class, () -> session("cable=940-0095B").start());
        assertTrue(e.getMessage().contains("cable=940-0095B needs DTR on and RTS off"), e.getMessage());
    }
}
