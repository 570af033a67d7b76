package org.knut.driver.apcsmart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.core.sock.TrackingResult;
import org.knut.core.testing.Await;
import org.knut.driver.apcsmart.ApcSimulator.Power;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.serial.DeviceSimulator.Fault;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.testing.Closer;
import org.knut.driver.spi.DriverException;
import org.knut.driver.testing.MutableClock;
import org.knut.driver.testing.Polls;
import org.knut.driver.testing.SerialDrivers;
import org.knut.driver.testing.TestSections;

/** apcsmart through a whole driver session against the simulated Smart-UPS on a pty pair. */
class ApcSmartDriverTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_000_000_000L);
    private PtyPair pty;
    private ApcSimulator sim;
    private DriverSession session;

    @AfterEach
    void stop() throws Exception {
        Closer.close(session, sim, pty);
    }

    private void start(String... settings) throws Exception {
        pty = new PtyPair(dir);
        sim = new ApcSimulator(pty.deviceEnd());
        session = new DriverSession(TestSections.section(SerialDrivers.REGISTRY, "apcsmart", dir, "ups", pty.driverEnd().toString(),
                settings), SerialDrivers.REGISTRY.find("apcsmart"), dir, clock);
        session.start();
        sim.clearReceived();
    }

    private String value(String var) {
        return session.state().value(var);
    }

    private Variable var(String name) {
        return session.state().upsState().get(name);
    }

    @Test
    void discoveryFindsCommandsEnumerationsAndStrings() throws Exception {
        start();
        assertEquals(Set.of("calibrate.start", "calibrate.stop", "load.off", "load.on", "shutdown.return", "shutdown.stayoff",
                "test.battery.start", "test.battery.stop", "test.failure.start", "test.panel.start"),
                Set.copyOf(session.state().upsState().commands()));
        assertEquals(List.of("120", "300", "420", "600"), var("battery.runtime.low").enums(), "minutes become seconds");
        assertEquals(List.of("230", "240", "220", "225"), var("output.voltage.nominal").enums(), "only this unit's locale");
        assertTrue(var("ups.delay.shutdown").flags().contains(VarFlag.RW));
        assertEquals(EnumSet.of(VarFlag.RW, VarFlag.STRING), var("ups.id").flags());
        assertEquals(8, var("ups.id").aux());
        assertEquals("442800", value("device.uptime"), "T answered in the uptime shape, not the temperature one");
        assertEquals(null, value("ambient.1.temperature"));
        assertEquals("APC", value("ups.mfr"));
        assertEquals("652.12.I", value("ups.firmware"));
    }

    @Test
    void powerFailureAndLowBattery() throws Exception {
        start();
        assertEquals("OL", value("ups.status"));
        sim.power(Power.ON_BATTERY);
        session.update();
        assertEquals("OB", value("ups.status"));
        assertEquals("071.0", value("battery.charge"));
        assertEquals("1860", value("battery.runtime"));
        assertEquals("OB LB", Polls.statusAfter(session, () -> sim.power(Power.LOW_BATTERY)));
        assertEquals("OL", Polls.statusAfter(session, () -> sim.power(Power.ONLINE)));
    }

    @Test
    void garbageAndAStalledLineNeverChangeTheStatusAndRecover() throws Exception {
        start();
        for (Fault f : new Fault[] {Fault.GARBAGE, Fault.STALLED}) {
            sim.fault(f);
            sim.power(Power.ON_BATTERY); // its '!' alert arrives, but only a status register read confirms it
            assertThrows(DriverException.class, session::update, f.name());
            assertFalse(session.state().upsState().dataOk());
            assertEquals("OL", value("ups.status"), f.name());
        }
        sim.fault(Fault.NONE);
        session.update();
        assertEquals("OB", value("ups.status"));
        assertTrue(session.state().upsState().dataOk());
        assertEquals("OB LB", Polls.statusAfter(session, () -> sim.power(Power.LOW_BATTERY)));
        assertTrue(sim.received().contains("Y"), "smart mode asked for again after the failure");
    }

    @Test
    void aVanishedDeviceIsStaleAndFoundAgain() throws Exception {
        start();
        pty.vanish();
        assertThrows(DriverException.class, session::update);
        sim.power(Power.LOW_BATTERY);
        pty.plugIn();
        Polls.untilFresh(session, Duration.ofSeconds(20));
        assertEquals("OB LB", value("ups.status"));
    }

    @Test
    void instantCommandsSendTheirCharacters() throws Exception {
        start();
        String[][] cases = {{"test.battery.start", "W"}, {"test.panel.start", "A"}, {"test.failure.start", "U"},
            {"calibrate.start", "Q", "D"}, {"load.on", "\016\016"}};
        for (String[] c : cases) {
            sim.clearReceived();
            assertEquals(TrackingResult.HANDLED, session.instcmd(c[0], null), c[0]);
            // load.on gets no answer: the simulator may still be reading the repeated character
            Await.until(c[0] + " reaching the UPS", Duration.ofSeconds(5), () -> sim.received().equals(List.of(c).subList(1, c.length)));
        }
        assertEquals(TrackingResult.INVALID, session.instcmd("bypass.start", null), "not offered by this unit");
        assertEquals(TrackingResult.INVALID, session.instcmd("shutdown.return", "now"));
    }

    @Test
    void nastyCommandsRunOnlyWhenRepeatedWithinTheWindow() throws Exception {
        start();
        assertEquals(TrackingResult.HANDLED, session.instcmd("shutdown.stayoff", null));
        assertEquals(List.of(), sim.received(), "the first request only arms it");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(TrackingResult.HANDLED, session.instcmd("shutdown.stayoff", null));
        assertEquals(List.of("KK"), sim.received());
        sim.clearReceived();
        clock.advance(Duration.ofSeconds(5));
        assertEquals(TrackingResult.HANDLED, session.instcmd("shutdown.return", "at:5"), "the last request arms this one");
        assertEquals(List.of("@005"), sim.received());
        sim.clearReceived();
        clock.advance(Duration.ofSeconds(60));
        session.instcmd("shutdown.return", null);
        clock.advance(Duration.ofSeconds(2));
        session.instcmd("shutdown.return", null);
        assertEquals(List.of(), sim.received(), "too late, then too soon");
        clock.advance(Duration.ofSeconds(4));
        assertEquals(TrackingResult.FAILED, session.instcmd("shutdown.return", null), "S is refused on line");
        assertEquals(List.of("S"), sim.received());
    }

    @Test
    void setSteppsEnumerationsAndWritesStrings() throws Exception {
        start();
        assertEquals(TrackingResult.HANDLED, session.setvar("ups.delay.shutdown", "300"));
        assertEquals(List.of("p", "-", "p", "-", "p", "p"), sim.received());
        assertEquals("300", sim.value('p'));
        assertEquals("300", value("ups.delay.shutdown"));
        sim.clearReceived();
        assertEquals(TrackingResult.HANDLED, session.setvar("battery.runtime.low", "420"), "the value in seconds");
        assertEquals("07", sim.value('q'));
        assertEquals(TrackingResult.FAILED, session.setvar("input.transfer.low", "150"), "not among the values: wraps around");
        assertEquals("196", sim.value('l'));
        sim.clearReceived();
        assertEquals(TrackingResult.HANDLED, session.setvar("ups.id", "RACK7"));
        assertEquals(List.of("c", "-RACK7\r\r\r", "c"), sim.received());
        assertEquals("RACK7", value("ups.id"));
        assertEquals(TrackingResult.FAILED, session.setvar("ups.id", "MUCHTOOLONG"));
        assertEquals(TrackingResult.UNKNOWN, session.setvar("input.voltage", "230"));
    }

    @Test
    void shutdownOnLineHibernatesAndSdtypeChoosesTheMethod() throws Exception {
        start("awd=5");
        session.shutdown();
        assertEquals(List.of("Y", "Q", "@005"), sim.received());
        session.close();
        sim.close();
        pty.close();
        start("sdtype=3");
        session.shutdown();
        assertEquals(List.of("Y", "Q", "KK"), sim.received());
    }
}
