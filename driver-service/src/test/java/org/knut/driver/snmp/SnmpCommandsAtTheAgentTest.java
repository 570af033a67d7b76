package org.knut.driver.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knut.core.model.UpsState;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.testing.MutableClock;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * Instant commands, SETs and {@code upsdrvctl shutdown} of the RFC 1628 and Powerware XUPS tables as
 * the agent receives them (OID, type, value), Raritan's per-outlet rows and commands, and the order in
 * which the shutdown falls back from {@code shutdown.return} to {@code shutdown.reboot} to
 * {@code load.off.delay}.
 */
class SnmpCommandsAtTheAgentTest {
    private static final String IETF = ".1.3.6.1.2.1.33.1.";
    private static final String XUPS = ".1.3.6.1.4.1.534.1.";
    private static final String TEST = ".1.3.6.1.4.1.99999.";
    private static final String RARITAN = ".1.3.6.1.4.1.13742.1.";

    private final MutableClock clock = new MutableClock(1_000_000);
    private TestAgent agent;
    private SnmpUpsDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    private DriverState start(MibCatalog catalog, String mibs) throws DriverException {
        Map<String, String> o = new HashMap<>(Map.of("snmp_version", "v2c", "mibs", mibs, "snmp_timeout", "3", "snmp_retries", "0"));
        SnmpSettings settings = SnmpSettings.parse("127.0.0.1:" + agent.port(), o);
        driver = new SnmpUpsDriver("ups1", settings, new WalkOptions(10, false, false), catalog, null, null, clock);
        DriverState state = new DriverState(new UpsState(), Set.of(), false);
        driver.init(state);
        driver.update(state);
        return state;
    }

    @Test
    void rfc1628TimersBeeperAndSettings() throws Exception {
        agent = TestAgent.start("public", null)
                .put(IETF + "1.2.0", new OctetString("Generic UPS"))
                .put(IETF + "4.1.0", new Integer32(3))
                .put(IETF + "8.2.0", new Integer32(-1))
                .put(IETF + "8.3.0", new Integer32(-1))
                .put(IETF + "9.8.0", new Integer32(2))
                .put(".1.3.6.1.2.1.1.4.0", new OctetString("nobody"));
        DriverState s = start(MibCatalog.builtIn(), "ietf");
        assertEquals("OL", s.value("ups.status"));
        Set<String> commands = s.upsState().commands();
        assertTrue(commands.containsAll(List.of("load.off", "load.on", "beeper.disable", "beeper.enable", "beeper.mute")),
                "commands: " + commands);
        assertFalse(commands.contains("test.battery.start"), "the agent has no upsTestId: " + commands);

        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "load.off", null));
        assertEquals(new Integer32(0), agent.value(IETF + "8.2.0"), "upsShutdownAfterDelay 0: off now");
        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "load.on", "30"));
        assertEquals(new Integer32(30), agent.value(IETF + "8.3.0"));
        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "beeper.mute", null));
        assertEquals(new Integer32(3), agent.value(IETF + "9.8.0"));
        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "beeper.disable", null));
        assertEquals(new Integer32(1), agent.value(IETF + "9.8.0"));

        assertEquals(TrackingResult.HANDLED, driver.setvar(s, "ups.timer.start", "120"));
        assertEquals(new Integer32(120), agent.value(IETF + "8.3.0"), "an INTEGER, as the MIB defines upsStartupAfterDelay");
        assertEquals("120", s.value("ups.timer.start"));
        assertEquals(TrackingResult.HANDLED, driver.setvar(s, "device.contact", "ops@example.org"));
        assertEquals(new OctetString("ops@example.org"), agent.value(".1.3.6.1.2.1.1.4.0"));
        assertEquals(TrackingResult.INVALID, driver.instcmd(s, "beeper.mute", "loud"));

        DriverException none = assertThrows(DriverException.class, () -> driver.shutdown(s));
        assertEquals("Shutdown failed!", none.getMessage(), "RFC 1628 has no shutdown.return, shutdown.reboot or load.off.delay");
    }

    @Test
    void powerwareOutputControlAndSettings() throws Exception {
        agent = TestAgent.start("public", null)
                .put(MibDetector.SYS_OBJECT_ID, new OID("1.3.6.1.4.1.534.1"))
                .put(XUPS + "1.2.0", new OctetString("Eaton 9PX"))
                .put(XUPS + "4.5.0", new Integer32(3))
                .put(XUPS + "6.2.0", new Integer32(0))
                .put(XUPS + "9.1.0", new Integer32(-1))
                .put(XUPS + "9.2.0", new Integer32(-1));
        DriverState s = start(MibCatalog.builtIn(), "auto");
        assertEquals("pw MIB 0.104", s.value("driver.version.data"));
        assertEquals("OL", s.value("ups.status"));

        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "load.off", null));
        assertEquals(new Integer32(1), agent.value(XUPS + "9.1.0"), "xupsControlOutputOffDelay 1 s");
        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "load.off.delay", "20"));
        assertEquals(new Integer32(20), agent.value(XUPS + "9.1.0"));
        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "load.on", null));
        assertEquals(new Integer32(1), agent.value(XUPS + "9.2.0"));
        assertEquals(TrackingResult.INVALID, driver.instcmd(s, "load.on.delay", null), "no default delay: a value is needed");

        assertEquals(TrackingResult.HANDLED, driver.setvar(s, "ups.temperature.low", "10"));
        assertEquals(new Integer32(10), agent.value(XUPS + "6.2.0"));
        assertEquals("10", s.value("ups.temperature.low"));

        // shutdown.return's default is empty (not a number) and load.off.delay has none: as NUT 2.8.0, nothing is sent
        agent.put(XUPS + "9.1.0", new Integer32(-1));
        DriverException failed = assertThrows(DriverException.class, () -> driver.shutdown(s));
        assertEquals("Shutdown failed!", failed.getMessage());
        assertEquals(new Integer32(-1), agent.value(XUPS + "9.1.0"));
    }

    @Test
    void raritanOutletsAreNumberedAsTheAgentNumbersThemAndSwitchedOneByOne() throws Exception {
        String outlets = RARITAN + "2.2.1.";
        agent = TestAgent.start("public", null)
                .put(MibDetector.SYS_OBJECT_ID, new OID("1.3.6.1.4.1.13742"))
                .put(RARITAN + "1.12.0", new OctetString("DPCS12-20"))
                .put(RARITAN + "2.1.0", new Integer32(2));
        for (int n = 1; n <= 2; n++) {
            agent.put(outlets + "1." + n, new Integer32(1)).put(outlets + "2." + n, new OctetString("outlet " + n))
                    .put(outlets + "3." + n, new Integer32(1)).put(outlets + "4." + n, new Gauge32(1250 * n));
        }
        DriverState s = start(MibCatalog.builtIn(), "auto");
        assertEquals("raritan MIB 0.8", s.value("driver.version.data"));
        assertEquals("pdu", s.value("device.type"));
        assertEquals("2", s.value("outlet.count"));
        assertEquals("outlet 1", s.value("outlet.1.desc"), "no outlet 0 at the agent: numbered from 1");
        assertEquals("2.50", s.value("outlet.2.current"));
        assertEquals("on", s.value("outlet.2.status"));
        assertEquals("2", s.value("outlet.2.id"));
        assertNull(s.value("outlet.3.desc"));
        assertTrue(s.upsState().commands().containsAll(List.of("outlet.1.load.off", "outlet.2.load.on", "outlet.2.load.cycle")),
                "commands: " + s.upsState().commands());
        assertFalse(s.upsState().commands().contains("outlet.3.load.off"));

        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "outlet.2.load.off", "0"));
        assertEquals(new Integer32(0), agent.value(outlets + "3.2"));
        assertEquals(new Integer32(1), agent.value(outlets + "3.1"), "the other outlet stays on");
        assertEquals(TrackingResult.INVALID, driver.instcmd(s, "outlet.1.load.off", null), "as NUT 2.8.0: no default value to send");
        assertEquals(TrackingResult.UNKNOWN, driver.instcmd(s, "outlet.3.load.off", "0"));
        assertEquals(TrackingResult.HANDLED, driver.setvar(s, "outlet.1.desc", "web-01"));
        assertEquals(new OctetString("web-01"), agent.value(outlets + "2.1"));

        agent.put(outlets + "4.1", new Gauge32(400)).put(outlets + "3.2", new Integer32(0));
        clock.advance(Duration.ofSeconds(31));
        driver.update(s);
        assertEquals("0.40", s.value("outlet.1.current"));
        assertEquals("off", s.value("outlet.2.status"));
    }

    @Test
    void shutdownFallsBackFromReturnToRebootToLoadOffDelay() throws Exception {
        assertEquals(List.of(2L, 0L, 0L), shutdownRefusedBy(false, false, false), "shutdown.return first");
        assertEquals(List.of(0L, 3L, 0L), shutdownRefusedBy(true, false, false), "the agent refuses it: shutdown.reboot next");
        assertEquals(List.of(0L, 0L, 45L), shutdownRefusedBy(true, true, false), "then load.off.delay");
        DriverException e = assertThrows(DriverException.class, () -> shutdownRefusedBy(true, true, true));
        assertEquals("Shutdown failed!", e.getMessage());
    }

    /**
     * Runs the shutdown on a table with all three shutdown commands, against an agent whose OID for
     * each is read-only where {@code refused}; returns what the agent holds at the three OIDs then.
     */
    private List<Long> shutdownRefusedBy(boolean... refused) throws Exception {
        stop();
        MibCatalog catalog = new MibCatalog(List.of(MibTableParser.parse("test table", new StringReader("""
                mib fallback 1.0
                str ups.model        128 .1.3.6.1.4.1.99999.1.0   ""  static
                cmd shutdown.return  1   .1.3.6.1.4.1.99999.2.1.0 2
                cmd shutdown.reboot  1   .1.3.6.1.4.1.99999.2.2.0 3
                cmd load.off.delay   1   .1.3.6.1.4.1.99999.2.3.0 45
                """))));
        agent = TestAgent.start("public", null).put(TEST + "1.0", new OctetString("Test UPS"));
        for (int i = 0; i < refused.length; i++) {
            String oid = TEST + "2." + (i + 1) + ".0";
            if (refused[i]) {
                agent.putReadOnly(oid, new Integer32(0));
            } else {
                agent.put(oid, new Integer32(0));
            }
        }
        DriverState state = start(catalog, "fallback");
        driver.shutdown(state);
        List<Long> held = new ArrayList<>();
        for (int i = 0; i < refused.length; i++) {
            held.add(agent.value(TEST + "2." + (i + 1) + ".0").toLong());
        }
        return held;
    }
}
