package org.knut.driver.megatec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knut.core.config.ConfigException;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.megatec.MegatecSimulator.Power;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.serial.DeviceSimulator.Fault;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.testing.Closer;
import org.knut.driver.spi.DriverException;
import org.knut.driver.testing.Polls;
import org.knut.driver.testing.SerialDrivers;
import org.knut.driver.testing.TestSections;

/** The Megatec engine through a whole driver session, against the simulator on a pty pair. */
class MegatecDriverTest {
    @TempDir
    Path dir;

    private PtyPair pty;
    private MegatecSimulator sim;
    private DriverSession session;

    @AfterEach
    void stop() throws Exception {
        Closer.close(session, sim, pty);
    }

    private DriverSession start(String driver, MegatecSimulator simulator, String... settings) throws Exception {
        sim = simulator;
        session = new DriverSession(TestSections.section(SerialDrivers.REGISTRY, driver, dir, "ups", pty.driverEnd().toString(),
                settings), SerialDrivers.REGISTRY.find(driver), dir, Clock.systemUTC());
        session.start();
        return session;
    }

    private DriverSession startQ1(String... settings) throws Exception {
        pty = new PtyPair(dir);
        return start("blazer_ser", MegatecSimulator.q1(pty.deviceEnd()), settings);
    }

    private String value(String var) {
        return session.state().value(var);
    }

    @Test
    void normalOperationPublishesTheStatusRatingsAndVendorAnswers() throws Exception {
        startQ1();
        assertEquals("OL", value("ups.status"));
        assertEquals("230.4", value("input.voltage"));
        assertEquals("195.0", value("input.voltage.fault"));
        assertEquals("229.8", value("output.voltage"));
        assertEquals("23", value("ups.load"));
        assertEquals("50.1", value("input.frequency"));
        assertEquals("27.30", value("battery.voltage"));
        assertEquals("30.5", value("ups.temperature"));
        assertEquals("enabled", value("ups.beeper.status"));
        assertEquals("offline / line interactive", value("ups.type"));
        assertEquals("230", value("input.voltage.nominal"));
        assertEquals("4.0", value("input.current.nominal"));
        assertEquals("24.0", value("battery.voltage.nominal"));
        assertEquals("50", value("input.frequency.nominal"));
        assertEquals("KNUT SIM", value("ups.mfr"));
        assertEquals("MEGA-1000", value("ups.model"));
        assertEquals("V2.3", value("ups.firmware"));
        assertEquals("KNUT SIM", value("device.mfr"));
        assertEquals("20.80", value("battery.voltage.low"));
        assertEquals("26.00", value("battery.voltage.high"));
        assertEquals("100", value("battery.charge"));
        assertEquals("180", value("ups.delay.start"));
        assertEquals("30", value("ups.delay.shutdown"));
        assertEquals("blazer_ser", value("driver.name"));
        assertEquals(MegatecCommands.NAMES.size(), session.state().upsState().commands().size());
        assertNull(value("ups.alarm"));
        assertEquals(List.of("Q1", "F", "I", "Q1"), sim.received());
    }

    @Test
    void powerFailureLowBatteryBoostAndTrimFollowTheDevice() throws Exception {
        startQ1();
        sim.power(Power.ON_BATTERY);
        session.update();
        assertEquals("OB", value("ups.status"));
        assertEquals("0.0", value("input.voltage"));
        assertEquals("63", value("battery.charge")); // (24.1 - 20.8) / (26.0 - 20.8)
        assertEquals("OB LB", Polls.statusAfter(session, () -> sim.power(Power.LOW_BATTERY)));
        assertEquals("12", value("battery.charge"));
        assertEquals("OL BOOST", Polls.statusAfter(session, () -> sim.power(Power.BOOST)));
        assertEquals("OL TRIM", Polls.statusAfter(session, () -> sim.power(Power.TRIM)));
        assertEquals("OL", Polls.statusAfter(session, () -> sim.power(Power.ONLINE)));
    }

    @Test
    void garbageNeverChangesTheStatusAndGoesStaleAfterFourPolls() throws Exception {
        startQ1();
        sim.power(Power.ON_BATTERY);
        sim.fault(Fault.GARBAGE);
        for (int i = 0; i < MegatecDriver.MAX_TRIES + 1; i++) {
            session.update();
            assertEquals("OL", value("ups.status"), "the last good status, never a decoded garbage one");
            assertEquals("230.4", value("input.voltage"));
            assertTrue(session.state().upsState().dataOk());
        }
        assertThrows(DriverException.class, session::update);
        assertFalse(session.state().upsState().dataOk());
        sim.fault(Fault.NONE);
        session.update();
        assertEquals("OB", value("ups.status"));
        assertTrue(session.state().upsState().dataOk());
    }

    @Test
    void aStalledLineGoesStaleAndRecovers() throws Exception {
        startQ1();
        sim.fault(Fault.STALLED);
        for (int i = 0; i < MegatecDriver.MAX_TRIES + 1; i++) {
            session.update();
        }
        assertThrows(DriverException.class, session::update);
        assertEquals("OL", value("ups.status"));
        sim.power(Power.LOW_BATTERY);
        sim.fault(Fault.NONE);
        session.update();
        assertEquals("OB LB", value("ups.status"));
    }

    @Test
    void aVanishedDeviceIsStaleAtOnceAndReopenedWhenItIsBack() throws Exception {
        startQ1();
        pty.vanish();
        DriverException e = assertThrows(DriverException.class, session::update);
        assertFalse(session.state().upsState().dataOk());
        assertTrue(e.getMessage().contains("device gone") || e.getMessage().contains("No such file"), e.getMessage());
        assertThrows(DriverException.class, session::update); // still gone: the open fails
        sim.power(Power.ON_BATTERY);
        pty.plugIn();
        Polls.untilFresh(session, Duration.ofSeconds(20));
        assertEquals("OB", value("ups.status"));
        assertTrue(session.state().upsState().dataOk());
    }

    @Test
    void instantCommandsSendTheProtocolsBytes() throws Exception {
        startQ1();
        List<String[]> cases = List.of(new String[] {"beeper.toggle", null, "Q"}, new String[] {"load.off", null, "S00R0000"},
                new String[] {"load.on", null, "C"}, new String[] {"shutdown.return", null, "S.5R0003"},
                new String[] {"shutdown.stayoff", null, "S.5R0000"}, new String[] {"shutdown.stop", null, "C"},
                new String[] {"test.battery.start", null, "T10"}, new String[] {"test.battery.start", "5", "T05"},
                new String[] {"test.battery.start.deep", null, "TL"}, new String[] {"test.battery.start.quick", null, "T"},
                new String[] {"test.battery.stop", null, "CT"});
        for (String[] c : cases) {
            sim.clearReceived();
            assertEquals(TrackingResult.HANDLED, session.instcmd(c[0], c[1]), c[0]);
            assertEquals(List.of(c[2]), sim.received(), c[0]);
        }
        assertFalse(sim.beeper());
        session.update();
        assertEquals("disabled", value("ups.beeper.status"));
        sim.clearReceived();
        assertEquals(TrackingResult.FAILED, session.instcmd("test.battery.start", "100"));
        assertEquals(TrackingResult.UNKNOWN, session.instcmd("calibrate.start", null));
        assertEquals(List.of(), sim.received());
        sim.refuse("TL");
        assertEquals(TrackingResult.FAILED, session.instcmd("test.battery.start.deep", null), "an echo means refused");
    }

    @Test
    void delaysShapeTheShutdownCommands() throws Exception {
        startQ1("ondelay=0", "offdelay=150");
        assertEquals("0", value("ups.delay.start"));
        assertEquals("120", value("ups.delay.shutdown"));
        sim.clearReceived();
        session.instcmd("shutdown.return", null);
        session.instcmd("shutdown.stayoff", null);
        assertEquals(List.of("S02", "S02R0000"), sim.received());
    }

    @Test
    void shutdownCancelsAPendingOneThenShutsDownWithReturn() throws Exception {
        startQ1("ondelay=5", "offdelay=42");
        sim.clearReceived();
        session.shutdown();
        assertEquals(List.of("C", "S.7R0005"), sim.received());
        session.update();
        assertEquals("ALARM OL FSD", value("ups.status"));
        assertEquals("Shutdown imminent!", value("ups.alarm"));
    }

    @Test
    void mustekAsksQsAndIpponGetsItsSecondF() throws Exception {
        pty = new PtyPair(dir);
        start("mustek", new MegatecSimulator(pty.deviceEnd(), Set.of("QS"), false, false));
        assertEquals("OL", value("ups.status"));
        assertEquals("QS", sim.received().get(0));
        session.close();
        sim.close();
        start("ippon", new MegatecSimulator(pty.deviceEnd(), Set.of("Q1"), false, true));
        assertEquals("230", value("input.voltage.nominal"));
        assertEquals(List.of("Q1", "F", "F", "I", "Q1"), sim.received());
    }

    /**
     * The old Megatec driver names start on a Q1 unit and decode it; powermust types its commands 100 ms
     * a character, and esupssmart names Energy Sistem when the vendor line is not read.
     */
    @ParameterizedTest
    @CsvSource({"fentonups, '', KNUT SIM, Q1 F I Q1, 0", "powermust, '', KNUT SIM, Q1 F I Q1, 200",
        "esupssmart, novendor, Energy Sistem, Q1 F Q1, 0"})
    void theOldDriverNamesStartAndDecode(String driver, String flag, String mfr, String queries, long leastLineMillis) throws Exception {
        pty = new PtyPair(dir);
        sim = MegatecSimulator.q1(pty.deviceEnd());
        sim.power(Power.ON_BATTERY);
        start(driver, sim, flag.isEmpty() ? new String[0] : new String[] {flag});
        assertEquals(driver, value("driver.name"));
        assertEquals("OB", value("ups.status"));
        assertEquals("228.0", value("output.voltage"));
        assertEquals("63", value("battery.charge"));
        assertEquals("230", value("input.voltage.nominal"));
        assertEquals(mfr, value("ups.mfr"));
        assertEquals(List.of(queries.split(" ")), sim.received());
        assertTrue(sim.longestLine().toMillis() >= leastLineMillis, driver + " typed a command in " + sim.longestLine());
    }

    @Test
    void aPerCellVoltageIsScaledToTheBatteryString() throws Exception {
        pty = new PtyPair(dir);
        start("blazer_ser", new MegatecSimulator(pty.deviceEnd(), Set.of("Q1"), true, false));
        session.update();
        assertEquals("27.36", value("battery.voltage")); // 2.28 V per cell, 12 cells
        assertEquals("100", value("battery.charge"));
    }

    @Test
    void noAnswerMeansNoSupportedUps() throws Exception {
        pty = new PtyPair(dir);
        sim = MegatecSimulator.q1(pty.deviceEnd());
        sim.fault(Fault.STALLED);
        session = new DriverSession(TestSections.section(SerialDrivers.REGISTRY, "blazer_ser", dir, "ups", pty.driverEnd().toString(),
                "protocol=megatec"), SerialDrivers.REGISTRY.find("blazer_ser"), dir, Clock.systemUTC());
        DriverException e = assertThrows(DriverException.class, session::start);
        assertEquals("No supported UPS detected", e.getMessage());
        assertEquals(List.of("Q1", "Q1", "Q1"), sim.received());
    }

    @Test
    void badOptionsAreRefusedAtStart() throws Exception {
        pty = new PtyPair(dir);
        sim = MegatecSimulator.q1(pty.deviceEnd());
        for (String bad : List.of("offdelay=5", "ondelay=10000", "cablepower=sideways", "protocol=q9", "runtimecal=1,2")) {
            ConfigException e = assertThrows(ConfigException.class, () -> TestSections.section(SerialDrivers.REGISTRY, "blazer_ser",
                    dir, "ups", pty.driverEnd().toString(), bad), bad);
            assertTrue(e.getMessage().contains("UPS [ups]"), e.getMessage());
        }
        assertEquals(List.of(), sim.received());
    }
}
