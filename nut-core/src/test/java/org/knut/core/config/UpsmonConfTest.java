package org.knut.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knut.core.client.UpsId;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.core.config.UpsmonConf.NotifyFlag;
import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.core.config.UpsmonConf.Role;
import org.knut.core.config.UpsmonConf.Timings;

class UpsmonConfTest {

    /** The active lines of Debian's stock /etc/nut/upsmon.conf (NUT 2.8.0) plus one MONITOR line. */
    static final String DEBIAN_STOCK = """
            # Network UPS Tools: example upsmon configuration
            MONITOR myups@localhost 1 upsmon pass primary
            MINSUPPLIES 1
            SHUTDOWNCMD "/sbin/shutdown -h +0"
            POLLFREQ 5
            POLLFREQALERT 5
            HOSTSYNC 15
            DEADTIME 15
            POWERDOWNFLAG /etc/killpower
            RBWARNTIME 43200
            NOCOMMWARNTIME 300
            FINALDELAY 5
            """;

    @Test
    void defaultsAreUpsmons() throws Exception {
        UpsmonConf c = UpsmonConf.parse("upsmon.conf", "MONITOR ups 1 u p secondary\n");
        assertEquals(1, c.minSupplies());
        assertEquals(new Timings(5, 5, 15, 15, 5, 300, 43200, 30, -1, 0), c.timings());
        assertTrue(c.alarmCritical());
        assertEquals(UpsmonConf.SHUTDOWNEXIT_YES, c.shutdownExit());
        assertNull(c.powerDownFlag());
        assertNull(c.shutdownCommandLine());
        assertEquals(-1, c.pollFailLogThrottleMax());
        for (NotifyType t : NotifyType.values()) {
            assertEquals(Set.of(NotifyFlag.SYSLOG, NotifyFlag.WALL), c.notifications().flags(t), t.name());
            assertEquals(t.stockMessage(), c.notifications().message(t));
        }
        assertEquals(UpsmonConf.defaults().timings(), c.timings());
    }

    @Test
    void debianStockFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("upsmon.conf");
        Files.writeString(file, DEBIAN_STOCK);
        UpsmonConf c = UpsmonConf.read(file);
        Monitor m = c.monitors().get(0);
        assertEquals("myups@localhost", m.system());
        assertEquals(new UpsId("myups", "localhost", 3493), m.ups());
        assertEquals(Role.PRIMARY, m.role());
        assertTrue(m.primary());
        assertEquals(2, m.line());
        assertEquals(List.of("/sbin/shutdown -h +0"), c.shutdownCmd());
        assertEquals("/sbin/shutdown -h +0", c.shutdownCommandLine());
        assertEquals("/etc/killpower", c.powerDownFlag());
    }

    @Test
    void everyDirective() throws Exception {
        UpsmonConf c = UpsmonConf.parse("upsmon.conf", """
                RUN_AS_USER nut
                MONITOR ups1@10.0.0.1:3494 2 monuser "pass word" master
                MONITOR ups2@[::1] 1 monuser pw slave
                MONITOR ups3 0 monuser pw secondary
                MINSUPPLIES 2
                POLLFREQ 10
                POLLFREQALERT 2
                DEADTIME 30
                HOSTSYNC 20
                FINALDELAY 0
                NOCOMMWARNTIME 60
                RBWARNTIME 3600
                OFFDURATION -1
                OVERDURATION 10
                OBLBDURATION 3
                ALARMCRITICAL 0
                SHUTDOWNCMD /sbin/shutdown -h "+0 now" it's
                SHUTDOWNEXIT 30
                POWERDOWNFLAG /run/killpower
                NOTIFYCMD /usr/sbin/upssched --flag
                NOTIFYMSG ONLINE "UPS %s is back"
                notifymsg lowbatt "%s low"
                NOTIFYFLAG ONBATT SYSLOG+WALL+EXEC
                NOTIFYFLAG commbad IGNORE
                NOTIFYFLAG SHUTDOWN_HOSTSYNC exec
                CERTPATH /etc/nut/certs
                CERTFILE /etc/nut/client.pem
                CERTIDENT "my cert" "key pass"
                CERTHOST ups1.example 10.0.0.1 1 0
                CERTVERIFY 1
                FORCESSL 0
                DEBUG_MIN 2
                POLLFAIL_LOG_THROTTLE_MAX 100
                """);
        assertEquals(3, c.monitors().size());
        Monitor m1 = c.monitors().get(0);
        assertEquals(new UpsId("ups1", "10.0.0.1", 3494), m1.ups());
        assertEquals(2, m1.powerValue());
        assertEquals("pass word", m1.password());
        assertEquals(Role.PRIMARY, m1.role());
        assertEquals(new UpsId("ups2", "::1", 3493), c.monitors().get(1).ups());
        assertEquals(Role.SECONDARY, c.monitors().get(1).role());
        assertEquals(0, c.monitors().get(2).powerValue());
        assertEquals(3, c.totalPowerValue());
        assertEquals(2, c.minSupplies());
        assertEquals(new Timings(10, 2, 30, 20, 0, 60, 3600, -1, 10, 3), c.timings());
        assertFalse(c.alarmCritical());
        assertEquals(List.of("/sbin/shutdown", "-h", "+0 now", "it's"), c.shutdownCmd());
        assertEquals("/sbin/shutdown '-h' '+0 now' 'it'\\''s'", c.shutdownCommandLine());
        assertEquals(30, c.shutdownExit());
        assertEquals("/run/killpower", c.powerDownFlag());
        assertEquals(List.of("/usr/sbin/upssched", "--flag"), c.notifications().command());
        assertEquals("UPS %s is back", c.notifications().message(NotifyType.ONLINE));
        assertEquals("%s low", c.notifications().message(NotifyType.LOWBATT));
        assertEquals("UPS %s on battery", c.notifications().message(NotifyType.ONBATT));
        assertEquals(Set.of(NotifyFlag.SYSLOG, NotifyFlag.WALL, NotifyFlag.EXEC), c.notifications().flags(NotifyType.ONBATT));
        assertEquals(Set.of(NotifyFlag.IGNORE), c.notifications().flags(NotifyType.COMMBAD));
        assertEquals(Set.of(NotifyFlag.EXEC), c.notifications().flags(NotifyType.SHUTDOWN_HOSTSYNC));
        assertEquals("nut", c.runAsUser());
        assertEquals("/etc/nut/certs", c.tls().certPath());
        assertEquals("/etc/nut/client.pem", c.tls().certFile());
        assertEquals("my cert", c.tls().certIdentName());
        assertEquals("key pass", c.tls().certIdentPassword());
        assertEquals(List.of(new UpsmonConf.CertHost("ups1.example", "10.0.0.1", true, false)), c.tls().hosts());
        assertTrue(c.tls().certVerify());
        assertFalse(c.tls().forceSsl());
        assertEquals(2, c.debugMin());
        assertEquals(100, c.pollFailLogThrottleMax());
    }

    @ParameterizedTest
    @CsvSource({"yes, 0", "on, 0", "TRUE, 0", "no, -1", "off, -1", "false, -1", "0, 0", "45, 45", "-5, -1"})
    void shutdownExit(String value, int expected) throws Exception {
        UpsmonConf c = UpsmonConf.parse("upsmon.conf", "MONITOR ups 1 u p primary\nSHUTDOWNEXIT " + value + "\n");
        assertEquals(expected, c.shutdownExit());
    }

    @Test
    void monitorOnlyNeedsMinsuppliesZero() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> UpsmonConf.parse("upsmon.conf", "MONITOR ups 0 u p secondary\n"));
        assertEquals("upsmon.conf", e.file());
        assertTrue(e.reason().contains("insufficient power"), e.reason());
        UpsmonConf c = UpsmonConf.parse("upsmon.conf", "MONITOR ups 0 u p secondary\nMINSUPPLIES 0\n");
        assertEquals(0, c.monitors().get(0).powerValue());
        assertThrows(ConfigException.class, () -> UpsmonConf.parse("upsmon.conf", ""), "no MONITOR, MINSUPPLIES 1");
        assertTrue(UpsmonConf.parse("upsmon.conf", "MINSUPPLIES 0").monitors().isEmpty());
    }

    @Test
    void laterLinesWinAndMonitorsAddUp() throws Exception {
        List<ConfigLine> lines = new java.util.ArrayList<>(ConfigReader.parse("upsmon.conf", "MONITOR a 1 u p primary\nHOSTSYNC 20\n"));
        lines.add(new ConfigLine("knut.monitor.hostsync", 0, List.of("HOSTSYNC", "7")));
        lines.add(new ConfigLine("knut.monitor.monitor", 0, List.of("MONITOR", "b@h", "1", "u", "p", "secondary")));
        UpsmonConf c = UpsmonConf.of(lines);
        assertEquals(7, c.timings().hostSync());
        assertEquals(List.of("a", "b@h"), c.monitors().stream().map(Monitor::system).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "MONITOR ups 1 pw primary | 2 | old-style MONITOR",
            "MONITOR ups 1 u p boss | 2 | unknown role 'boss'",
            "MONITOR ups -1 u p primary | 2 | out of range",
            "MONITOR ups x u p primary | 2 | not a number",
            "MONITOR ups@ 1 u p primary | 2 | bad UPS identifier",
            "MONITOR ups 1 u p primary extra | 2 | MONITOR takes",
            "MONITOR a 1 u p primary | 2 | already monitored (line 1)",
            "POLLFREQ 0 | 2 | out of range",
            "POLLFREQ five | 2 | not a number",
            "HOSTSYNC | 2 | HOSTSYNC takes one number",
            "DEADTIME 1 2 | 2 | DEADTIME takes one number",
            "ALARMCRITICAL maybe | 2 | not a boolean",
            "SHUTDOWNEXIT soon | 2 | not a number",
            "SHUTDOWNCMD | 2 | SHUTDOWNCMD needs a command",
            "NOTIFYFLAG ONBATT SYSLOG+PAGER | 2 | unknown flag 'PAGER'",
            "NOTIFYFLAG ONBATT | 2 | NOTIFYFLAG takes",
            "NOTIFYFLAG BLACKOUT SYSLOG | 2 | unknown notify type 'BLACKOUT'",
            "NOTIFYMSG NOSUCH \"%s\" | 2 | unknown notify type 'NOSUCH'",
            "CERTHOST h c 2 0 | 2 | out of range",
            "POWERDOWNFLAG /a /b | 2 | POWERDOWNFLAG takes one value",
            "POWERFAIL 1 | 2 | unknown upsmon.conf directive 'POWERFAIL'",
    })
    void errorsNameFileLineAndReason(String bad, int line, String reason) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> UpsmonConf.parse("/etc/nut/upsmon.conf", "MONITOR a 1 u p primary\n" + bad + "\n"));
        assertEquals("/etc/nut/upsmon.conf", e.file());
        assertEquals(line, e.line());
        assertTrue(e.reason().contains(reason), e.reason());
        assertTrue(e.getMessage().startsWith("/etc/nut/upsmon.conf line " + line + ": "), e.getMessage());
    }

    @Test
    void everyNutNotifyTypeIsKnownByName() {
        for (String name : List.of("ONLINE", "ONBATT", "LOWBATT", "FSD", "COMMOK", "COMMBAD", "SHUTDOWN", "SHUTDOWN_HOSTSYNC",
                "REPLBATT", "NOCOMM", "NOPARENT", "CAL", "NOTCAL", "OFF", "NOTOFF", "BYPASS", "NOTBYPASS", "ECO", "NOTECO",
                "ALARM", "NOTALARM", "OVER", "NOTOVER", "TRIM", "NOTTRIM", "BOOST", "NOTBOOST", "OTHER", "NOTOTHER",
                "SUSPEND_TIMEJUMP_UNEXPECTED", "SUSPEND_STARTING", "SUSPEND_FINISHED")) {
            assertEquals(name, NotifyType.byName(name.toLowerCase()).name());
        }
        assertNull(NotifyType.byName("WAIT"));
        assertEquals("UPS %s on battery", NotifyType.ONBATT.stockMessage());
        assertEquals("Auto logout and shutdown proceeding", NotifyType.SHUTDOWN.stockMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> UpsmonConf.read(dir.resolve("nope.conf")));
        assertTrue(e.getMessage().contains("nope.conf"), e.getMessage());
    }
}
