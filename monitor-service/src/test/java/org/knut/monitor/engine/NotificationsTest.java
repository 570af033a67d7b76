package org.knut.monitor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.monitor.config.Thresholds;
import org.knut.monitor.config.TimerRule;
import org.knut.monitor.process.ExternalCommand;

/** Every status word's events with NUT's messages, the startup silence, event timers, and the dry run. */
class NotificationsTest {
    static final String SECONDARY = "MONITOR demo@localhost 1 monuser pass secondary\n";

    @Test
    void startupIsQuietThenEveryChangeIsAnnouncedOnce() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(10);
        assertEquals(List.of(), e.rec.types(), "no COMMOK or ONLINE for the first poll");
        e.status("OB DISCHRG").runFor(10);
        e.status("OL CHRG").runFor(10);
        e.link("demo@localhost").reachable = false;
        e.runFor(10);
        e.link("demo@localhost").reachable = true;
        e.runFor(10);
        assertEquals(List.of(
                "UPS demo@localhost on battery",
                "UPS demo@localhost on line power",
                "Communications with UPS demo@localhost lost",
                "Communications with UPS demo@localhost established"), e.rec.messages());
        assertTrue(e.rec.notifications.stream().allMatch(n -> n.what().ups().equals("demo@localhost")));
    }

    @Test
    void everyStatusWordHasItsEvents() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(5);
        FakeLink link = e.link("demo@localhost");
        link.vars.put("ups.alarm", "Fan failure");
        String[] statuses = {"OL CAL", "OL", "OL OFF", "OL", "OL BYPASS", "OL", "OL ECO", "OL", "OL ALARM", "OL", "OL OVER", "OL",
                "OL TRIM", "OL", "OL BOOST", "OL", "OL WAIT", "OL", "OL HB", "OL"};
        for (String s : statuses) {
            e.status(s).runFor(5);
        }
        assertEquals(List.of(
                "UPS demo@localhost: calibration in progress",
                "UPS demo@localhost: calibration finished",
                "UPS demo@localhost: administratively OFF or asleep",
                "UPS demo@localhost: no longer administratively OFF or asleep",
                "UPS demo@localhost: on bypass (powered, not protecting)",
                "UPS demo@localhost: no longer on bypass",
                "UPS demo@localhost: in ECO mode (as defined by vendor)",
                "UPS demo@localhost: no longer in ECO mode",
                "UPS demo@localhost: one or more active alarms: [Fan failure]",
                "UPS demo@localhost is no longer in an alarm state (no active alarms)",
                "UPS demo@localhost: overloaded",
                "UPS demo@localhost: no longer overloaded",
                "UPS demo@localhost: trimming incoming voltage",
                "UPS demo@localhost: no longer trimming incoming voltage",
                "UPS demo@localhost: boosting incoming voltage",
                "UPS demo@localhost: no longer boosting incoming voltage",
                "UPS demo@localhost: has at least one unclassified status token: [WAIT]",
                "UPS demo@localhost has no unclassified status tokens anymore"), e.rec.messages());
    }

    @Test
    void alarmTextChangesAreAnnouncedAndMissingTextIsNa() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(5);
        e.status("OL ALARM").runFor(10);
        e.link("demo@localhost").vars.put("ups.alarm", "Replace battery!");
        e.runFor(10);
        assertEquals(List.of("UPS demo@localhost: one or more active alarms: [n/a]",
                "UPS demo@localhost: one or more active alarms: [Replace battery!]"), e.rec.messages());
    }

    @Test
    void replbattRepeatsEveryRbwarntime() throws Exception {
        Engine e = Engine.of(SECONDARY + "RBWARNTIME 3600\n").status("OL RB").runFor(7215);
        assertEquals(List.of(NotifyType.REPLBATT, NotifyType.REPLBATT, NotifyType.REPLBATT), e.rec.types(), "t=0, 3605, 7210");
        assertEquals("UPS demo@localhost battery needs to be replaced", e.rec.messages().get(0));
    }

    @Test
    void nocommRepeatsEveryNocommwarntime() throws Exception {
        Engine e = Engine.of(SECONDARY + "NOCOMMWARNTIME 60\n").runFor(10);
        e.link("demo@localhost").reachable = false;
        e.runFor(200);
        assertEquals(List.of(NotifyType.COMMBAD, NotifyType.NOCOMM, NotifyType.NOCOMM, NotifyType.NOCOMM), e.rec.types());
        assertEquals("UPS demo@localhost is unavailable", e.rec.messages().get(1));
        assertEquals(List.of(65.0, 130.0, 195.0), e.rec.notifications.subList(1, 4).stream()
                .map(a -> Duration.between(FakeTime.START, a.when()).toMillis() / 1000.0).toList());
    }

    @Test
    void notifymsgReplacesTheStockText() throws Exception {
        Engine e = Engine.of(SECONDARY + "NOTIFYMSG ONBATT \"Power cut at %s!\"\nNOTIFYMSG SHUTDOWN \"bye\"\n").runFor(5);
        e.status("FSD OB").runFor(10);
        assertEquals(List.of("UPS demo@localhost: forced shutdown in progress", "Power cut at demo@localhost!", "bye"),
                e.rec.messages());
        assertEquals("", e.rec.notifications.get(2).what().ups(), "SHUTDOWN is about this host, not a UPS");
    }

    @Test
    void timersStartOnAnEventCancelOnAnotherAndRunTheirCommandWhenDue() throws Exception {
        TimerRule onbatt = new TimerRule("onbatt", Set.of(NotifyType.ONBATT), Set.of(NotifyType.ONLINE), Duration.ofSeconds(33),
                "/usr/local/bin/early-leave", null);
        TimerRule other = new TimerRule("other-ups", Set.of(NotifyType.ONBATT), Set.of(), Duration.ofSeconds(1), "/bin/false", "else@h");
        Engine e = Engine.of(SECONDARY + "POLLFREQ 10\n", false, List.of(onbatt, other), Thresholds.NONE).runFor(10);
        e.status("OB").runFor(10);
        assertEquals(List.of("onbatt@demo@localhost"), e.upsmon.timers().running());
        e.status("OL").runFor(30);
        assertEquals(List.of(), e.upsmon.timers().running(), "cancelled by ONLINE");
        e.status("OB").runFor(20);
        e.runFor(40);
        assertEquals(1, e.rec.commands.size(), e.rec.commands.toString());
        Recorder.At<ExternalCommand> fired = e.rec.commands.get(0);
        assertEquals(50 + 33, Duration.between(FakeTime.START, fired.when()).getSeconds(), "fires on time, between two polls");
        assertEquals(List.of("/bin/sh", "-c", "/usr/local/bin/early-leave \"$1\"", "sh", "onbatt"), fired.what().argv());
        assertEquals(Map.of("UPSNAME", "demo@localhost", "NOTIFYTYPE", "ONBATT", "KNUT_TIMER", "onbatt"), fired.what().env());
        assertFalse(e.rec.hostWasShutDown(), "a timer only runs its command");
    }

    @Test
    void dryRunLogsFsdFlagAndShutdownInOrderWithTimingsAndDoesNone(@TempDir Path dir) throws Exception {
        Path flag = dir.resolve("killpower");
        Engine e = Engine.of("MONITOR demo@localhost 1 monuser pass primary\nPOWERDOWNFLAG " + flag + "\n", true, List.of(),
                Thresholds.NONE).runFor(10);
        e.link("demo@localhost").numLogins = () -> e.time.elapsed() < 12 ? 2 : 1;
        e.status("OB LB").runFor(60);
        assertEquals(List.of(
                "[dry run] +0.000s shutdown begins: power value 0 < MINSUPPLIES 1: demo@localhost on battery and low battery (OB LB)",
                "[dry run] +0.000s would set FSD on UPS demo@localhost (not sent: it would shut the secondaries down)",
                "[dry run] +0.000s waiting up to HOSTSYNC 15 s for 1 secondaries to log out (NUMLOGINS 2)",
                "[dry run] +2.000s all secondaries logged out (NUMLOGINS 1)",
                "[dry run] +2.000s Executing automatic power-fail shutdown",
                "[dry run] +2.000s notified SHUTDOWN, waiting FINALDELAY 5 s",
                "[dry run] +7.000s would create POWERDOWNFLAG " + flag,
                "[dry run] +7.000s would record the shutdown"), e.upsmon.lastShutdown());
        assertEquals(0, e.link("demo@localhost").fsds);
        assertFalse(Files.exists(flag));
        assertFalse(e.rec.hostWasShutDown());
        assertEquals(Upsmon.State.RUNNING, e.upsmon.state(), "a dry run goes on watching");
        long shutdowns = e.rec.types().stream().filter(t -> t == NotifyType.SHUTDOWN).count();
        assertEquals(1, shutdowns, "once per outage");
        e.status("OL").runFor(10);
        e.status("OB LB").runFor(30);
        assertEquals(2, e.rec.types().stream().filter(t -> t == NotifyType.SHUTDOWN).count(), "re-armed once the power was back");
    }
}
