package org.knut.driver.megatec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.ConfigException;
import org.knut.core.model.Range;
import org.knut.core.model.VarFlag;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.megatec.MegatecSimulator.Power;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.serial.DeviceSimulator.Fault;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.spi.DriverException;
import org.knut.driver.testing.Closer;
import org.knut.driver.testing.MutableClock;
import org.knut.driver.testing.Polls;
import org.knut.driver.testing.SerialDrivers;
import org.knut.driver.testing.TestSections;

/** Our nutdrv_qx through a whole driver session, against the Megatec simulator on a pty pair. */
class NutdrvQxDriverTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_000_000_000L);
    private PtyPair pty;
    private MegatecSimulator sim;
    private VoltronicSimulator voltronic;
    private VoltronicQsHexSimulator hex;
    private DriverSession session;

    @AfterEach
    void stop() throws Exception {
        Closer.close(session, sim, voltronic, hex, pty);
    }

    private DriverSession section(Set<String> statusQueries, String... settings) throws Exception {
        pty = new PtyPair(dir);
        sim = new MegatecSimulator(pty.deviceEnd(), statusQueries, false, false);
        session = new DriverSession(TestSections.section(SerialDrivers.REGISTRY, "nutdrv_qx", dir, "ups", pty.driverEnd().toString(),
                settings), SerialDrivers.REGISTRY.find("nutdrv_qx"), dir, clock);
        return session;
    }

    private void startQ1(String... settings) throws Exception {
        section(Set.of("Q1"), settings).start();
    }

    private String value(String var) {
        return session.state().value(var);
    }

    /** A full poll: nutdrv_qx reads every row only once pollfreq (30 s) has passed. */
    private void fullPoll() throws DriverException {
        clock.advance(Duration.ofSeconds(31));
        session.update();
    }

    @Test
    void autodetectionTriesTheSubdriversInNutsOrderAndReadsTheMegatecRows() throws Exception {
        startQ1();
        assertEquals("Megatec 0.06", value("driver.version.data"));
        assertEquals("OL", value("ups.status"));
        assertEquals("KNUT SIM", value("device.mfr"));
        assertEquals("MEGA-1000", value("device.model"));
        assertEquals("V2.3", value("ups.firmware"));
        assertNull(value("ups.mfr"), "nutdrv_qx names the maker device.mfr only");
        assertEquals("30", value("driver.parameter.pollfreq"));
        assertEquals(List.of("QGS", "QGS", "QGS", "M", "M", "M", "M", "M", "M", "QS", "QS", "QS", "D", "D", "D", "Q1", "QPI", "Q1", "QPI",
                "Q1", "QPI", "Q1", "I", "Q1", "F", "I", "Q1"), sim.received());
        assertEquals(EnumSet.of(VarFlag.RW), session.state().upsState().get("ups.delay.start").flags());
        assertEquals(List.of(new Range("12", "600")), session.state().upsState().get("ups.delay.shutdown").ranges());
        assertEquals(10, session.state().upsState().commands().size());
    }

    @Test
    void quickPollsFollowTheStatusBitsAndFullPollsTheValues() throws Exception {
        startQ1();
        sim.clearReceived();
        sim.power(Power.ON_BATTERY);
        session.update();
        assertEquals("OB", value("ups.status"));
        assertEquals("230.4", value("input.voltage"), "a quick poll reads only the status bits");
        fullPoll();
        assertEquals("0.0", value("input.voltage"));
        assertEquals("63", value("battery.charge"));
        assertEquals(List.of("Q1", "Q1"), sim.received(), "one query per poll, its answer shared by the rows");
        assertEquals("OB LB", Polls.statusAfter(session, () -> sim.power(Power.LOW_BATTERY)));
        sim.power(Power.BOOST);
        fullPoll();
        assertEquals("OL BOOST", value("ups.status"));
        assertEquals("OL", Polls.statusAfter(session, () -> sim.power(Power.ONLINE)), "boost ends on a quick poll too");
    }

    @Test
    void garbageNeverChangesTheStatusAndGoesStaleAfterFourPolls() throws Exception {
        startQ1();
        sim.power(Power.ON_BATTERY);
        sim.fault(Fault.GARBAGE);
        for (int i = 0; i < QxDriver.MAX_TRIES + 1; i++) {
            fullPoll();
            assertEquals("OL", value("ups.status"), "the last good status, never a decoded garbage one");
            assertEquals("230.4", value("input.voltage"));
            assertTrue(session.state().upsState().dataOk());
        }
        assertThrows(DriverException.class, this::fullPoll);
        assertFalse(session.state().upsState().dataOk());
        sim.fault(Fault.NONE);
        session.update();
        assertEquals("OB", value("ups.status"));
    }

    @Test
    void aVanishedDeviceIsStaleAtOnceAndReopenedWhenItIsBack() throws Exception {
        startQ1();
        pty.vanish();
        assertThrows(DriverException.class, session::update);
        assertFalse(session.state().upsState().dataOk());
        sim.power(Power.LOW_BATTERY);
        pty.plugIn();
        Polls.untilFresh(session, Duration.ofSeconds(20));
        assertEquals("OB LB", value("ups.status"));
    }

    @Test
    void instantCommandsAndDelaysMakeTheProtocolsBytes() throws Exception {
        startQ1("ondelay=130", "offdelay=45");
        assertEquals("120", value("ups.delay.start"), "whole minutes");
        assertEquals("42", value("ups.delay.shutdown"), "tenths of a minute");
        List<String[]> cases = List.of(new String[] {"beeper.toggle", null, "Q"}, new String[] {"load.off", null, "S00R0000"},
                new String[] {"load.on", null, "C"}, new String[] {"shutdown.return", null, "S.7R0002"},
                new String[] {"shutdown.stayoff", null, "S.7R0000"}, new String[] {"test.battery.start", null, "T10"},
                new String[] {"test.battery.start", "120", "T02"}, new String[] {"test.battery.start.deep", null, "TL"},
                new String[] {"test.battery.start.quick", null, "T"}, new String[] {"test.battery.stop", null, "CT"});
        for (String[] c : cases) {
            sim.clearReceived();
            assertEquals(TrackingResult.HANDLED, session.instcmd(c[0], c[1]), c[0]);
            assertEquals(List.of(c[2]), sim.received(), c[0]);
        }
        sim.clearReceived();
        assertEquals(TrackingResult.FAILED, session.instcmd("test.battery.start", "30"), "below 60 s");
        assertEquals(TrackingResult.UNKNOWN, session.instcmd("calibrate.start", null));
        assertEquals(List.of(), sim.received());
        sim.refuse("TL");
        assertEquals(TrackingResult.FAILED, session.instcmd("test.battery.start.deep", null), "an echo means refused");

        assertEquals(TrackingResult.HANDLED, session.setvar("ups.delay.shutdown", "300"));
        assertEquals(TrackingResult.UNKNOWN, session.setvar("ups.delay.shutdown", "900"), "out of its range");
        assertEquals(TrackingResult.UNKNOWN, session.setvar("ups.delay.start", "soon"));
        assertEquals("300", value("ups.delay.shutdown"));
        sim.clearReceived();
        session.instcmd("shutdown.return", null);
        assertEquals(List.of("S05R0002"), sim.received());
    }

    @Test
    void shutdownCancelsAPendingOneThenStaysOffAndFullPollsRaiseTheAlarms() throws Exception {
        startQ1("stayoff");
        sim.clearReceived();
        session.shutdown();
        assertEquals(List.of("C", "S.5R0000"), sim.received());
        session.update(); // a full poll: a command was handled
        assertEquals("ALARM OL FSD", value("ups.status"));
        assertEquals("Shutdown imminent!", value("ups.alarm"));
        sim.failed(true);
        session.update();
        assertEquals("Shutdown imminent!", value("ups.alarm"), "alarms are collected by full polls only");
        fullPoll();
        assertEquals("ALARM OL FSD", value("ups.status"));
        assertEquals("UPS selftest failed! Shutdown imminent!", value("ups.alarm"));
    }

    @Test
    void voltronicQsAndTheNamedProtocols() throws Exception {
        section(Set.of("QS")).start();
        assertEquals("Mustek 0.07", value("driver.version.data"), "a QS unit that does not say V to M");
        session.close();
        sim.close();
        sim = new MegatecSimulator(pty.deviceEnd(), Set.of("QS"), false, false);
        sim.protocolLetter("V");
        session = new DriverSession(TestSections.section(SerialDrivers.REGISTRY, "nutdrv_qx", dir, "ups", pty.driverEnd().toString()),
                SerialDrivers.REGISTRY.find("nutdrv_qx"), dir, clock);
        session.start();
        assertEquals("Voltronic-QS 0.07", value("driver.version.data"));
        assertEquals("50.1", value("output.frequency"));
        assertEquals(7, session.state().upsState().commands().size());
    }

    @Test
    void voltronicStatusAndCommandsAreAcknowledgedOrRefused() throws Exception {
        pty = new PtyPair(dir);
        voltronic = new VoltronicSimulator(pty.deviceEnd(), 2);
        session = new DriverSession(TestSections.section(SerialDrivers.REGISTRY, "nutdrv_qx", dir, "ups", pty.driverEnd().toString()),
                SerialDrivers.REGISTRY.find("nutdrv_qx"), dir, clock);
        session.start();
        assertEquals("Voltronic 0.06", value("driver.version.data"));
        assertEquals("P02", value("ups.firmware.aux"));
        assertEquals(List.of("QGS", "QPI"), voltronic.received().subList(0, 2), "claimed by the first subdriver");
        voltronic.power(Power.LOW_BATTERY);
        fullPoll();
        assertEquals("OB LB", value("ups.status"));
        assertEquals("21.40", value("battery.voltage"));
        List<String[]> cases = List.of(new String[] {"beeper.toggle", null, "BZOFF"}, new String[] {"load.off", null, "SOFF"},
                new String[] {"load.on", null, "SON"}, new String[] {"shutdown.return", null, "S.5R0003"},
                new String[] {"shutdown.stop", null, "CS"}, new String[] {"test.battery.start", "30", "T.5"},
                new String[] {"test.battery.start", "120", "T02"}, new String[] {"test.battery.stop", null, "CT"});
        for (String[] c : cases) {
            voltronic.clearReceived();
            assertEquals(TrackingResult.HANDLED, session.instcmd(c[0], c[1]), c[0]);
            assertEquals(List.of(c[2]), voltronic.received(), c[0]);
        }
        assertFalse(voltronic.beeper());
        fullPoll();
        assertEquals("disabled", value("ups.beeper.status"));
        voltronic.clearReceived();
        assertEquals(TrackingResult.HANDLED, session.instcmd("beeper.toggle", null));
        assertEquals(List.of("BZON"), voltronic.received());
        assertEquals(TrackingResult.FAILED, session.instcmd("test.battery.start", "6"), "below 12 s");
        voltronic.fault(Fault.STALLED);
        assertEquals(TrackingResult.FAILED, session.instcmd("load.on", null), "Voltronic must acknowledge");
    }

    @Test
    void mecerP98UnitTestsForSecondsAndNakMeansRefused() throws Exception {
        section(Set.of("Q1"));
        sim.acknowledges(true);
        sim.protocolQuery("(PI98");
        session.start();
        assertEquals("Mecer 0.07", value("driver.version.data"));
        assertEquals("Voltronic Power P98", value("ups.firmware.aux"));
        sim.clearReceived();
        assertEquals(TrackingResult.HANDLED, session.instcmd("test.battery.start", "30"));
        assertEquals(TrackingResult.HANDLED, session.instcmd("shutdown.return", null));
        assertEquals(List.of("T.5", "S.5R0003"), sim.received());
        assertEquals(TrackingResult.FAILED, session.instcmd("test.battery.start", "6"), "below 12 s");
        sim.refuse("TL");
        assertEquals(TrackingResult.FAILED, session.instcmd("test.battery.start.deep", null), "(NAK means refused");
    }

    /** An ACK/NAK unit without P98: claimed on its (NAK to QPI, which it is not asked again; tests from a minute. */
    @Test
    void mecerAckNakUnitIsNotAskedQpiAgain() throws Exception {
        section(Set.of("Q1"));
        sim.acknowledges(true);
        session.start();
        assertEquals("Mecer 0.07", value("driver.version.data"));
        assertNull(value("ups.firmware.aux"));
        sim.clearReceived();
        sim.power(Power.ON_BATTERY);
        fullPoll();
        assertEquals("OB", value("ups.status"));
        assertEquals(List.of("Q1"), sim.received());
        assertEquals(TrackingResult.FAILED, session.instcmd("test.battery.start", "30"), "below 60 s");
        sim.clearReceived();
        assertEquals(TrackingResult.HANDLED, session.instcmd("test.battery.start", "120"));
        assertEquals(List.of("T02"), sim.received());
    }

    /** QS-Hex: the quick test exists on T units only, other commands get no answer, and N refuses. */
    @Test
    void voltronicQsHexCommandsAndTheTOnlyQuickTest() throws Exception {
        pty = new PtyPair(dir);
        hex = new VoltronicQsHexSimulator(pty.deviceEnd(), 'P');
        session = new DriverSession(TestSections.section(SerialDrivers.REGISTRY, "nutdrv_qx", dir, "ups", pty.driverEnd().toString()),
                SerialDrivers.REGISTRY.find("nutdrv_qx"), dir, clock);
        session.start();
        assertEquals("Voltronic-QS-Hex 0.10", value("driver.version.data"));
        assertEquals(List.of("QGS", "QGS", "QGS", "M", "M", "M", "M", "QS"), hex.received().subList(0, 8),
                "Voltronic-QS refuses a P unit three times, then QS-Hex claims it");
        assertEquals("230.4", value("input.voltage"));
        assertEquals("50.1", value("output.frequency"));
        assertEquals("27.29", value("battery.voltage"));
        assertNull(value("battery.voltage.nominal"), "a P unit sends no ratings bits");
        assertEquals(6, session.state().upsState().commands().size());
        assertEquals(TrackingResult.UNKNOWN, session.instcmd("test.battery.start.quick", null), "T units only");
        hex.clearReceived();
        assertEquals(TrackingResult.HANDLED, session.instcmd("beeper.toggle", null));
        assertEquals(TrackingResult.HANDLED, session.instcmd("shutdown.return", null));
        assertEquals(List.of("Q", "S.5R0003"), hex.received());
        assertFalse(hex.beeper());
        hex.refuse("C");
        assertEquals(TrackingResult.FAILED, session.instcmd("load.on", null), "N means refused");
        hex.power(Power.LOW_BATTERY);
        fullPoll();
        assertEquals("ALARM OB LB FSD", value("ups.status"), "the shutdown.return above is pending");
        assertEquals("41", value("ups.load"));
    }

    @Test
    void voltronicQsHexTUnitHasTheQuickTestAndRatings() throws Exception {
        pty = new PtyPair(dir);
        hex = new VoltronicQsHexSimulator(pty.deviceEnd(), 'T');
        session = new DriverSession(TestSections.section(SerialDrivers.REGISTRY, "nutdrv_qx", dir, "ups", pty.driverEnd().toString(),
                "protocol=voltronic-qs-hex"), SerialDrivers.REGISTRY.find("nutdrv_qx"), dir, clock);
        session.start();
        assertEquals("PM-T", value("ups.firmware.aux"));
        assertEquals("50.0", value("output.frequency.nominal"));
        assertEquals(7, session.state().upsState().commands().size());
        hex.clearReceived();
        assertEquals(TrackingResult.HANDLED, session.instcmd("test.battery.start.quick", null));
        assertEquals(List.of("T"), hex.received());
        session.update();
        assertEquals("OL CAL", value("ups.status"));
    }

    @Test
    void badSettingsAreRefusedClearly() throws Exception {
        pty = new PtyPair(dir);
        ConfigException notHere = assertThrows(ConfigException.class, () -> TestSections.section(SerialDrivers.REGISTRY, "nutdrv_qx", dir,
                "ups", pty.driverEnd().toString(), "protocol=bestups"));
        assertTrue(notHere.getMessage().contains("protocol 'bestups' of NUT's nutdrv_qx is not implemented in knut"), notHere.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> TestSections.section(SerialDrivers.REGISTRY, "nutdrv_qx", dir,
                "ups", pty.driverEnd().toString(), "protocol=q9"));
        assertTrue(unknown.getMessage().contains("unknown protocol 'q9'"), unknown.getMessage());
        pty.close();
        section(Set.of("Q1"), "ondelay=-5");
        DriverException e = assertThrows(DriverException.class, session::start);
        assertEquals("Start delay '-5' out of range", e.getMessage());
        session.close();
        sim.close();
        pty.close();
        section(Set.of("Q1"), "protocol=zinto");
        assertEquals("Device not supported!", assertThrows(DriverException.class, session::start).getMessage(), "no FW? answer");
    }
}
