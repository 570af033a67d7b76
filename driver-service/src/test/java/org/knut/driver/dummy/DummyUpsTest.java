package org.knut.driver.dummy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.ConfigException;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.config.DriverSection;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.spi.DriverException;
import org.knut.driver.testing.MutableClock;
import org.knut.driver.testing.TestSections;

/** dummy-ups' simulation modes through a whole driver session, as the service runs them. */
class DummyUpsTest {
    @TempDir
    Path conf;

    private final MutableClock clock = new MutableClock(5_000_000);
    private DriverSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private DriverSession start(String port, String... settings) throws Exception {
        DriverSection s = TestSections.dummy(conf, "sim", port, settings);
        session = new DriverSession(s, TestSections.REGISTRY.find("dummy-ups"), conf, clock);
        session.start();
        return session;
    }

    private String value(String var) {
        return session.state().value(var);
    }

    private Variable var(String name) {
        return session.state().upsState().get(name);
    }

    private void touch(Path f) throws Exception {
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 2000));
    }

    @Test
    void devFileIsPublishedWithDriverVariablesAndEverythingWritable() throws Exception {
        Files.writeString(conf.resolve("ups.dev"), """
                driver.name: usbhid-ups
                ups.mfr: APC
                ups.model: Smart-UPS 1500
                ups.serial: AS123
                ups.load: 32.5
                input.sensitivity: high
                battery.date: 2006/04/01
                ups.status: OL CHRG
                """);
        start("ups.dev", "desc=lab UPS");
        assertEquals("dummy-ups", value("driver.name"));
        assertEquals("dummy-once", value("driver.parameter.mode"));
        assertEquals("ups.dev", value("driver.parameter.port"));
        assertEquals("2", value("driver.parameter.pollinterval"));
        assertEquals("auto", value("driver.parameter.synchronous"));
        assertEquals("0.15-knut", value("driver.version.internal"));
        assertTrue(value("driver.version").startsWith("knut "));
        assertNull(value("driver.parameter.desc"), "desc is upsd's");
        assertEquals("ups", value("device.type"));
        assertEquals("APC", value("device.mfr"));
        assertEquals("Smart-UPS 1500", value("device.model"));
        assertEquals("AS123", value("device.serial"));
        assertEquals("OL CHRG", value("ups.status"));

        // dummy-ups' table types: numbers are RW, known strings have their length, others STRING:32
        assertEquals(EnumSet.of(VarFlag.RW), var("ups.load").flags());
        assertEquals(EnumSet.of(VarFlag.RW, VarFlag.STRING), var("input.sensitivity").flags());
        assertEquals(1, var("input.sensitivity").aux());
        assertEquals(32, var("battery.date").aux());
        assertEquals(32, var("ups.status").aux());
        assertEquals(Set.of(), var("driver.name").flags());
        assertEquals(Set.of("load.off"), session.state().upsState().commands());
        assertTrue(session.state().upsState().dataOk());
    }

    @Test
    void emptyFileGivesTheBasicSet() throws Exception {
        Files.writeString(conf.resolve("empty.dev"), "");
        start("empty.dev");
        assertEquals("Dummy Manufacturer", value("ups.mfr"));
        assertEquals("Dummy UPS", value("ups.model"));
        assertEquals("OL", value("ups.status"));
        assertEquals("Dummy Manufacturer", value("device.mfr"));
        assertEquals("Dummy UPS", value("device.model"));
    }

    @Test
    void dummyOnceKeepsSetValuesUntilTheFileChanges() throws Exception {
        Path f = Files.writeString(conf.resolve("ups.dev"), "ups.status: OL\nbattery.charge: 100\n");
        start("ups.dev");
        assertEquals(TrackingResult.HANDLED, session.setvar("ups.status", "OB LB"));
        assertEquals(TrackingResult.HANDLED, session.setvar("battery.charge", "12"));
        assertEquals(TrackingResult.HANDLED, session.setvar("experimental.note", "set by hand"));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(2));
            session.update();
        }
        assertEquals("OB LB", value("ups.status"));
        assertEquals("12", value("battery.charge"));
        assertEquals(EnumSet.of(VarFlag.RW, VarFlag.STRING), var("experimental.note").flags());
        assertEquals(32, var("experimental.note").aux());

        Files.writeString(f, "ups.status: OL\nbattery.charge: 90\nbattery.runtime: 1200\n");
        touch(f);
        session.update();
        assertEquals("OL", value("ups.status"));
        assertEquals("90", value("battery.charge"));
        assertEquals("1200", value("battery.runtime"), "new variables appear on re-read");
        assertEquals("set by hand", value("experimental.note"), "re-reading does not remove anything");
    }

    @Test
    void emptyValueRemovesAVariable() throws Exception {
        Files.writeString(conf.resolve("ups.dev"), "ups.alarm: overheat\n");
        start("ups.dev");
        session.setvar("ups.alarm", "");
        assertNull(value("ups.alarm"));
    }

    @Test
    void instantCommandsAreOfferedButUnknown() throws Exception {
        Files.writeString(conf.resolve("ups.dev"), "ups.status: OL\n");
        start("ups.dev");
        assertEquals(TrackingResult.UNKNOWN, session.instcmd("load.off", null));
        assertEquals(TrackingResult.UNKNOWN, session.instcmd("beeper.toggle", "1"));
    }

    @Test
    void sequenceLoopsWithTimersAndOverwritesSetValues() throws Exception {
        Files.writeString(conf.resolve("outage.seq"), """
                ups.status: OL
                battery.charge: 100
                TIMER 10
                ups.status: OB DISCHRG
                battery.charge: 40
                TIMER 10
                """);
        start("outage.seq");
        assertEquals("dummy-loop", value("driver.parameter.mode"));
        assertEquals("OL", value("ups.status"));
        session.setvar("battery.charge", "55");
        clock.advance(Duration.ofSeconds(9));
        session.update();
        assertEquals("OL", value("ups.status"));
        assertEquals("55", value("battery.charge"));
        clock.advance(Duration.ofSeconds(1));
        session.update();
        assertEquals("OB DISCHRG", value("ups.status"));
        assertEquals("40", value("battery.charge"));
        clock.advance(Duration.ofSeconds(10));
        session.update(); // end of the pass
        session.update(); // next pass from the top
        assertEquals("OL", value("ups.status"));
        assertEquals("100", value("battery.charge"));
    }

    @Test
    void modeOptionOverridesTheFileName() throws Exception {
        Path f = Files.writeString(conf.resolve("ups.dev"), "battery.charge: 100\n");
        start("ups.dev", "mode=dummy-loop");
        assertEquals("dummy-loop", value("driver.parameter.mode"));
        session.setvar("battery.charge", "1");
        session.update();
        assertEquals("100", value("battery.charge"), "a loop re-reads the file even when unchanged");
        assertEquals(f, conf.resolve("ups.dev"));
    }

    @Test
    void unclassifiedFileNameLoopsAsPlainDummy() throws Exception {
        Files.writeString(conf.resolve("data.txt"), "battery.charge: 100\n");
        start("data.txt");
        assertEquals("dummy", value("driver.parameter.mode"));
        start("data.txt", "mode=dummy");
        assertEquals("dummy-loop", value("driver.parameter.mode"));
    }

    @Test
    void unsupportedModeIsAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestSections.dummy(conf, "sim", "x.dev", "mode=meta"));
        assertTrue(e.getMessage().contains("Unsupported mode was specified: meta"), e.getMessage());
    }

    @Test
    void missingFileFailsTheStart() {
        DriverException e = assertThrows(DriverException.class, () -> start("absent.dev"));
        assertTrue(e.getMessage().contains(conf.resolve("absent.dev").toString()), e.getMessage());
    }

    @Test
    void fileThatVanishesLaterMakesUpdatesFailUntilItIsBack() throws Exception {
        Path f = Files.writeString(conf.resolve("ups.dev"), "battery.charge: 100\n");
        start("ups.dev");
        Files.delete(f);
        assertThrows(DriverException.class, session::update);
        assertFalse(session.state().upsState().dataOk());
        Files.writeString(f, "battery.charge: 80\n");
        session.update();
        assertTrue(session.state().upsState().dataOk());
        assertEquals("80", value("battery.charge"));
    }

    @Test
    void defaultsYieldToDriverDataAndOverridesWin() throws Exception {
        Files.writeString(conf.resolve("ups.dev"), "ups.mfr: APC\nbattery.charge: 100\n");
        start("ups.dev", "default.battery.charge=50", "default.ups.location=rack 4", "override.ups.mfr=ACME",
                "override.battery.runtime=600");
        assertEquals("100", value("battery.charge"));
        assertEquals("rack 4", value("ups.location"));
        assertEquals("ACME", value("ups.mfr"));
        assertEquals("ACME", value("device.mfr"));
        assertEquals("600", value("battery.runtime"));
        session.setvar("ups.mfr", "Other");
        assertEquals("ACME", value("ups.mfr"), "overridden variables are immutable");
        assertEquals(Set.of(), var("ups.mfr").flags(), "and not writable");
    }

    @Test
    void flagsAndDriverParametersArePublished() throws Exception {
        Files.writeString(conf.resolve("ups.dev"), "battery.charge: 100\n");
        start("ups.dev", "nolock", "mode=dummy-once", "synchronous=yes", "pollinterval=5");
        assertEquals("enabled", value("driver.flag.nolock"));
        assertEquals("dummy-once", value("driver.parameter.mode"));
        assertEquals("yes", value("driver.parameter.synchronous"));
        assertEquals("5", value("driver.parameter.pollinterval"));
    }

    @Test
    void ignorelbDerivesLowBatteryFromChargeAndThreshold() throws Exception {
        Files.writeString(conf.resolve("ups.dev"), "ups.status: OB LB\nbattery.charge: 30\nbattery.charge.low: 20\n");
        start("ups.dev", "ignorelb");
        assertEquals("enabled", value("driver.flag.ignorelb"));
        assertEquals("OB", value("ups.status"), "the device's LB is ignored");
        session.setvar("battery.charge", "10");
        session.setvar("ups.status", "OB");
        assertEquals("OB LB", value("ups.status"));
    }

    @Test
    void ignorelbWithoutBatteryDataRefusesToStart() throws Exception {
        Files.writeString(conf.resolve("ups.dev"), "ups.status: OL\n");
        DriverException e = assertThrows(DriverException.class, () -> start("ups.dev", "ignorelb"));
        assertTrue(e.getMessage().contains("ignorelb"));
    }
}
