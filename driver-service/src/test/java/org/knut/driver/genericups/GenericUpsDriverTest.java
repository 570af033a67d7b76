package org.knut.driver.genericups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.ConfigException;
import org.knut.driver.app.DumpCommand;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.serial.FakeModemLink;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverRegistry;
import org.knut.driver.testing.DumpModes;
import org.knut.driver.testing.TestSections;

/** genericups through a driver session, its modem lines driven by the test. */
class GenericUpsDriverTest {
    @TempDir
    Path dir;

    private final FakeModemLink link = new FakeModemLink();
    private final DriverRegistry registry = new DriverRegistry(List.of(new GenericUpsFactory(link.opener())));
    private DriverSession session;

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
    }

    private DriverSession start(String... settings) throws Exception {
        session = new DriverSession(TestSections.section(registry, "genericups", dir, "ups", "/dev/ttyS0", settings),
                registry.find("genericups"), dir, Clock.systemUTC());
        session.start();
        return session;
    }

    private String value(String var) {
        return session.state().value(var);
    }

    @Test
    void apcBackUpsCablePoweredAndDecoded() throws Exception {
        link.inputs(false, false, false, false); // RNG off: on line
        start("upstype=1");
        assertEquals(List.of("DTR=1 RTS=0"), link.outputs(), "cable power: DTR");
        assertEquals("OL", value("ups.status"));
        assertEquals("APC", value("ups.mfr"));
        assertEquals("Back-UPS", value("ups.model"));
        assertEquals("APC", value("device.mfr"));
        assertNull(value("ups.serial"));
        link.inputs(false, false, true, false);
        session.update();
        assertEquals("OB", value("ups.status"));
        link.inputs(false, true, true, false);
        session.update();
        assertEquals("LB OB", value("ups.status"));
    }

    @Test
    void mfrModelSerialOverrides() throws Exception {
        start("upstype=4", "mfr=ACME", "model=Brick 900", "serial=X42");
        assertEquals("ACME", value("ups.mfr"));
        assertEquals("Brick 900", value("ups.model"));
        assertEquals("X42", value("ups.serial"));
        assertEquals("X42", value("device.serial"));
        assertEquals("4", value("driver.parameter.upstype"));
    }

    @Test
    void signalOverridesReplaceTheTablesLines() throws Exception {
        start("upstype=4", "CP=DTR", "OL=-DSR", "LB=RNG", "RB=CTS", "BYPASS=DCD", "SD=RTS");
        assertEquals(List.of("DTR=1 RTS=0"), link.outputs());
        link.inputs(true, true, true, true);
        session.update();
        assertEquals("LB OB RB BYPASS", value("ups.status"));
        link.inputs(false, false, false, false);
        session.update();
        assertEquals("OL", value("ups.status"));
        session.shutdown();
        assertEquals("DTR=0 RTS=1", link.outputs().get(1));
    }

    @Test
    void theFttxTypeReportsReplaceBatteryAndBypass() throws Exception {
        link.inputs(true, true, false, false);
        start("upstype=23");
        assertEquals("OL RB BYPASS", value("ups.status"));
    }

    @Test
    void shutdownRaisesTheTypesLinesOrSendsABreakOrRefuses() throws Exception {
        start("upstype=2");
        session.shutdown();
        assertEquals(List.of("DTR=0 RTS=1", "DTR=1 RTS=1"), link.outputs());
        session.close();
        start("upstype=11");
        session.shutdown();
        assertEquals(1, link.breaks());
        session.close();
        start("upstype=8");
        assertEquals("No shutdown command defined for this model!", assertThrows(DriverException.class, session::shutdown).getMessage());
    }

    @Test
    void aVanishedPortIsStaleAndReopenedWithCablePower() throws Exception {
        start("upstype=6");
        link.unplug();
        assertThrows(DriverException.class, session::update);
        assertFalse(session.state().upsState().dataOk());
        assertThrows(DriverException.class, session::update);
        link.plugIn();
        link.inputs(true, true, false, false); // CTS on: on line; DCD on: battery not low
        session.update();
        assertTrue(session.state().upsState().dataOk());
        assertEquals("OL", value("ups.status"));
        assertEquals(List.of("DTR=1 RTS=0", "DTR=1 RTS=0"), link.outputs(), "the cable is powered again after reopening");
    }

    @Test
    void configurationMistakesAreRefused() {
        for (String[] bad : List.of(new String[] {}, new String[] {"upstype=24"}, new String[] {"upstype=1", "CP=CTS"},
                new String[] {"upstype=1", "OL=RTS"}, new String[] {"upstype=1", "LB=ST"})) {
            assertThrows(ConfigException.class, () -> TestSections.section(registry, "genericups", dir, "ups", "/dev/ttyS0", bad),
                    String.join(",", bad));
        }
    }

    /** A pty has no modem-control lines: Debian's genericups and ours both refuse to start on one. */
    @Test
    void onAPtyBothTheRealDriverAndOursRefuse() throws Exception {
        try (PtyPair pty = new PtyPair(dir)) {
            Files.writeString(dir.resolve("ups.conf"), "[g]\n\tdriver = genericups\n\tport = " + pty.driverEnd() + "\n\tupstype = 1\n");
            String out = DumpModes.realRefusal("genericups", dir, "g");
            assertTrue(out.contains("ioctl TIOCMSET: Inappropriate ioctl for device"), out);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = new DumpCommand(new DriverRegistry(List.of(new GenericUpsFactory())),
                    DriverSettings.forConfDir(Optional.of(dir.toString())), Map.of(), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("genericups", "-a", "g", "-d", "1"));
            assertEquals(1, rc);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot set DTR/RTS (errno 25"), err.toString(StandardCharsets.UTF_8));
        }
    }
}
