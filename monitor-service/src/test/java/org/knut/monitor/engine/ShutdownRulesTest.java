package org.knut.monitor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.knut.core.config.UpsmonConf.NotifyType.COMMBAD;
import static org.knut.core.config.UpsmonConf.NotifyType.FSD;
import static org.knut.core.config.UpsmonConf.NotifyType.LOWBATT;
import static org.knut.core.config.UpsmonConf.NotifyType.NOPARENT;
import static org.knut.core.config.UpsmonConf.NotifyType.ONBATT;
import static org.knut.core.config.UpsmonConf.NotifyType.SHUTDOWN;
import static org.knut.core.config.UpsmonConf.NotifyType.SHUTDOWN_HOSTSYNC;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.monitor.config.Thresholds;
import org.knut.monitor.shutdown.PowerdownFlag;

/**
 * upsmon's shutdown rules, run against a fake clock and scripted upsd sessions. NUT's defaults unless a
 * test says otherwise: POLLFREQ 5, POLLFREQALERT 5, DEADTIME 15, HOSTSYNC 15, FINALDELAY 5. Every UPS
 * starts online; times are seconds since the monitor started.
 */
class ShutdownRulesTest {
    static final String PRIMARY = "MONITOR demo@localhost 1 monuser pass primary\n";
    static final String SECONDARY = "MONITOR demo@localhost 1 monuser pass secondary\n";

    @Test
    void onBatteryAloneNeverShutsDown() throws Exception {
        for (String role : List.of(PRIMARY, SECONDARY)) {
            Engine e = Engine.of(role).runFor(10);
            e.status("OB DISCHRG").runFor(3600);
            assertFalse(e.rec.hostWasShutDown(), role);
            assertEquals(List.of(ONBATT), e.rec.types(), role);
            assertEquals(0, e.link("demo@localhost").fsds);
        }
    }

    @Test
    void primaryOnBatteryLowSetsFsdWaitsForSecondariesThenShutsDown(@TempDir Path dir) throws Exception {
        Path flag = dir.resolve("killpower");
        Engine e = Engine.of(PRIMARY + "POWERDOWNFLAG " + flag + "\n").runFor(10);
        FakeLink link = e.link("demo@localhost");
        link.numLogins = () -> e.time.elapsed() < 16 ? 3 : 1; // two secondaries log out at t=16
        e.status("OB LB").runFor(60);

        assertEquals(1, link.fsds, "FSD sent once");
        assertEquals(16 + 5, e.rec.shutdownAt(), 0.001, "NUMLOGINS wait, then FINALDELAY");
        assertTrue(e.finished());
        assertEquals(List.of(ONBATT, LOWBATT, FSD, SHUTDOWN_HOSTSYNC, SHUTDOWN), e.rec.types());
        assertEquals(PowerdownFlag.MAGIC, Files.readString(flag));
        assertSteps(e.upsmon.lastShutdown(),
                "+0.000s shutdown begins: power value 0 < MINSUPPLIES 1: demo@localhost on battery and low battery (OB LB)",
                "+0.000s FSD set on UPS demo@localhost",
                "+0.000s waiting up to HOSTSYNC 15 s for 2 secondaries to log out (NUMLOGINS 3)",
                "+6.000s all secondaries logged out (NUMLOGINS 1)",
                "+6.000s Executing automatic power-fail shutdown",
                "+6.000s notified SHUTDOWN, waiting FINALDELAY 5 s",
                "+11.000s created POWERDOWNFLAG " + flag,
                "+11.000s record the shutdown",
                "+11.000s shutdown step done");
    }

    /** upsmon's NOPARENT, "shutdown impossible": here the shutdown command itself could not take the host down. */
    @Test
    void aShutdownThatCannotRunIsAnnouncedAsNoparent() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(10);
        e.rec.impossible = "SHUTDOWNCMD failed: /sbin/shutdown -h +0 (status 1)";
        e.status("FSD OB LB").runFor(30);
        assertEquals(List.of(FSD, ONBATT, LOWBATT, SHUTDOWN, NOPARENT), e.rec.types(), "in the order of the status words");
        assertEquals("upsmon parent process died - shutdown impossible", e.rec.messages().get(4));
        List<String> steps = e.upsmon.lastShutdown();
        assertEquals("+5.000s SHUTDOWNCMD failed: /sbin/shutdown -h +0 (status 1)", steps.get(steps.size() - 1));
        assertTrue(e.finished());
    }

    @Test
    void primaryStopsWaitingForSecondariesAfterHostsync() throws Exception {
        Engine e = Engine.of(PRIMARY).runFor(10);
        e.link("demo@localhost").numLogins = () -> 2; // a secondary that never logs out
        e.status("OB LB").runFor(60);
        assertEquals(10 + 15.25 + 5, e.rec.shutdownAt(), 0.001, "HOSTSYNC passed (checked every 250 ms), then FINALDELAY");
        assertTrue(e.upsmon.lastShutdown().get(3).contains("Host sync timer expired"), e.upsmon.lastShutdown().toString());
    }

    @Test
    void primaryWithoutSecondariesDoesNotWait() throws Exception {
        Engine e = Engine.of(PRIMARY).runFor(10);
        e.status("OB LB").runFor(30);
        assertEquals(15, e.rec.shutdownAt(), 0.001);
        assertFalse(e.rec.types().contains(SHUTDOWN_HOSTSYNC));
    }

    @Test
    void secondaryOnBatteryLowWaitsHostsyncForThePrimary() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(10);
        e.status("OB LB").runFor(19);
        assertFalse(e.rec.hostWasShutDown(), "still within HOSTSYNC at t=29");
        e.runFor(30);
        assertEquals(30 + 5, e.rec.shutdownAt(), 0.001, "first poll more than HOSTSYNC after OB LB was seen, then FINALDELAY");
        assertEquals(0, e.link("demo@localhost").fsds, "a secondary never sets FSD");
        assertTrue(e.upsmon.lastShutdown().get(0).contains("without FSD from the primary"));
    }

    @Test
    void secondaryIgnoresAnObLbShorterThanHostsync() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(10);
        e.status("OB LB").runFor(10);
        e.status("OB").runFor(600);
        e.status("OB LB").runFor(10);
        e.status("OL").runFor(600);
        assertFalse(e.rec.hostWasShutDown());
    }

    @Test
    void secondaryStartingOnAnObLbUpsStillWaitsHostsync() throws Exception {
        Engine e = Engine.of(SECONDARY).status("OB LB").runFor(15);
        assertFalse(e.rec.hostWasShutDown());
        e.runFor(30);
        assertEquals(20 + 5, e.rec.shutdownAt(), 0.001);
    }

    @Test
    void fsdShutsASecondaryDownAtOnce() throws Exception {
        for (String status : List.of("FSD OB LB", "OL FSD")) {
            Engine e = Engine.of(SECONDARY).runFor(10);
            e.status(status).runFor(30);
            assertEquals(10 + 5, e.rec.shutdownAt(), 0.001, status);
            assertTrue(e.rec.types().contains(FSD), status);
            assertTrue(e.upsmon.lastShutdown().get(0).contains("FSD (forced shutdown) set"));
        }
    }

    @Test
    void upsUnreachablePastDeadtimeWhileOnBatteryIsCritical() throws Exception {
        for (String role : List.of(PRIMARY, SECONDARY)) {
            Engine e = Engine.of(role).runFor(10);
            e.status("OB").runFor(2);
            e.link("demo@localhost").reachable = false;
            e.runFor(12);
            assertFalse(e.rec.hostWasShutDown(), role + ": DEADTIME not passed at t=24");
            e.runFor(30);
            assertEquals(30 + 5, e.rec.shutdownAt(), 0.001, role + ": last poll t=10, DEADTIME 15 passed at the t=30 poll");
            assertEquals(List.of(ONBATT, COMMBAD, SHUTDOWN), e.rec.types(), role);
        }
    }

    @Test
    void upsdWaitingForTheDriverCountsAsUnreachableSoOnBatteryStaysCritical() throws Exception {
        // found by the driver-link drill: upsd reconnecting to a silent driver serves WAIT between DATA-STALEs
        Engine e = Engine.of(SECONDARY).runFor(10);
        e.status("OB").runFor(2);
        e.status("WAIT").runFor(12);
        assertFalse(e.rec.hostWasShutDown(), "DEADTIME not passed at t=24");
        e.runFor(30);
        assertEquals(30 + 5, e.rec.shutdownAt(), 0.001, "last real poll t=10, DEADTIME 15 passed at the t=30 poll");
        assertEquals(List.of(ONBATT, COMMBAD, SHUTDOWN), e.rec.types());
    }

    @Test
    void shortAndLongCommbadWhileOnlineNeverShutsDown() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(10);
        FakeLink link = e.link("demo@localhost");
        link.reachable = false;
        e.runFor(20);
        link.reachable = true;
        e.runFor(20);
        link.reachable = false;
        e.runFor(3600);
        assertFalse(e.rec.hostWasShutDown());
        List<org.knut.core.config.UpsmonConf.NotifyType> types = e.rec.types();
        assertEquals(List.of(COMMBAD, org.knut.core.config.UpsmonConf.NotifyType.COMMOK, COMMBAD), types.subList(0, 3));
        assertTrue(types.contains(org.knut.core.config.UpsmonConf.NotifyType.NOCOMM), "NOCOMM after NOCOMMWARNTIME");
        assertEquals(2, link.opens, "reconnected once upsd was back");
    }

    @Test
    void minsuppliesCountsThePowerValuesOfHealthyUpses() throws Exception {
        String two = "MONITOR a@h1 1 u p secondary\nMONITOR b@h2 1 u p secondary\n";
        Engine needsBoth = Engine.of(two + "MINSUPPLIES 2\n").runFor(10);
        needsBoth.link("a@h1").status("FSD OB LB");
        needsBoth.runFor(30);
        assertTrue(needsBoth.rec.hostWasShutDown(), "1 < MINSUPPLIES 2");

        Engine redundant = Engine.of(two + "MINSUPPLIES 1\n").runFor(10);
        redundant.link("a@h1").status("FSD OB LB");
        redundant.runFor(600);
        assertFalse(redundant.rec.hostWasShutDown(), "b still feeds the one supply needed");
        redundant.link("b@h2").status("OB LB");
        redundant.runFor(60);
        assertTrue(redundant.rec.hostWasShutDown(), "both critical");

        Engine weighted = Engine.of("MONITOR big@h1 2 u p secondary\nMONITOR small@h2 1 u p secondary\nMINSUPPLIES 2\n").runFor(10);
        weighted.link("small@h2").status("FSD OB LB");
        weighted.runFor(60);
        assertFalse(weighted.rec.hostWasShutDown(), "big alone has power value 2");
        weighted.link("big@h1").status("FSD OB LB");
        weighted.runFor(60);
        assertTrue(weighted.rec.hostWasShutDown());
    }

    @Test
    void monitorOnlyUpsNeverShutsDownButNotifies() throws Exception {
        Engine e = Engine.of("MONITOR demo@localhost 0 u p secondary\nMINSUPPLIES 0\n").runFor(10);
        e.status("FSD OB LB").runFor(3600);
        assertFalse(e.rec.hostWasShutDown());
        assertEquals(List.of(FSD, ONBATT, LOWBATT), e.rec.types(), "in the order of the status words");
    }

    @Test
    void offLongerThanOffdurationIsCritical() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(10);
        e.status("OFF").runFor(50);
        assertEquals(45 + 5, e.rec.shutdownAt(), 0.001, "OFF seen at t=10, more than OFFDURATION 30 at t=45");

        Engine disabled = Engine.of(SECONDARY + "OFFDURATION -1\n").runFor(10);
        disabled.status("OFF").runFor(3600);
        assertFalse(disabled.rec.hostWasShutDown());
    }

    @Test
    void calibrationOnBatteryLowIsNotCritical() throws Exception {
        Engine e = Engine.of(PRIMARY).runFor(10);
        e.status("OB LB CAL").runFor(600);
        assertFalse(e.rec.hostWasShutDown());
    }

    @Test
    void alarmThenLostCommunicationIsCriticalUnlessAlarmcriticalIsOff() throws Exception {
        Engine e = Engine.of(SECONDARY).runFor(10);
        e.status("OL ALARM").runFor(5);
        e.link("demo@localhost").reachable = false;
        e.runFor(30);
        assertEquals(15 + 5, e.rec.shutdownAt(), 0.001, "ALARM at t=10, the t=15 poll fails");

        Engine off = Engine.of(SECONDARY + "ALARMCRITICAL 0\n").runFor(10);
        off.status("OL ALARM").runFor(5);
        off.link("demo@localhost").reachable = false;
        off.runFor(600);
        assertFalse(off.rec.hostWasShutDown());
    }

    @Test
    void oblbdurationDelaysTheCriticalState() throws Exception {
        Engine e = Engine.of(PRIMARY + "OBLBDURATION 10\nPOLLFREQALERT 4\n").runFor(10);
        e.status("OB LB").runFor(30);
        // OB LB seen at t=10; polled every gcd(4, 10) = 2 s meanwhile; critical at t=20, then FINALDELAY
        assertEquals(20 + 5, e.rec.shutdownAt(), 0.001);
    }

    @Test
    void thresholdsLetAHostLeaveEarlyWhicheverComesFirst() throws Exception {
        Engine charge = Engine.of(SECONDARY, false, List.of(), new Thresholds(30, 300, 600)).runFor(10);
        charge.link("demo@localhost").vars.put("battery.charge", "80");
        charge.link("demo@localhost").vars.put("battery.runtime", "1800");
        charge.status("OB DISCHRG").runFor(10);
        charge.link("demo@localhost").vars.put("battery.charge", "29.5");
        charge.runFor(20);
        assertEquals(20 + 5, charge.rec.shutdownAt(), 0.001, "no HOSTSYNC wait: the host leaves on its own");
        assertTrue(charge.upsmon.lastShutdown().get(0).contains("battery.charge 29.5 % below 30 %"));

        Engine runtime = Engine.of(SECONDARY, false, List.of(), new Thresholds(30, 300, 600)).runFor(10);
        runtime.link("demo@localhost").vars.put("battery.charge", "80");
        runtime.link("demo@localhost").vars.put("battery.runtime", "299");
        runtime.status("OB DISCHRG").runFor(20);
        assertEquals(10 + 5, runtime.rec.shutdownAt(), 0.001);
        assertTrue(runtime.upsmon.lastShutdown().get(0).contains("battery.runtime 299 s below 300 s"));

        Engine time = Engine.of(SECONDARY, false, List.of(), new Thresholds(30, 300, 120)).runFor(10);
        time.status("OB DISCHRG").runFor(200); // this UPS reports neither charge nor runtime
        assertEquals(135 + 5, time.rec.shutdownAt(), 0.001, "OB at t=10, more than 120 s at the t=135 poll");

        Engine online = Engine.of(SECONDARY, false, List.of(), new Thresholds(30, 300, 120)).runFor(10);
        online.link("demo@localhost").vars.put("battery.charge", "5");
        online.runFor(600);
        assertFalse(online.rec.hostWasShutDown(), "thresholds only count on battery");
    }

    /**
     * A threshold is this host's own: a primary reaching it leaves alone, without FSD or POWERDOWNFLAG,
     * which would take every other host on the UPS down with it.
     */
    @Test
    void thresholdOnAPrimaryTakesOnlyThisHostOut(@TempDir Path dir) throws Exception {
        Path flag = dir.resolve("killpower");
        Engine e = Engine.of(PRIMARY + "POWERDOWNFLAG " + flag + "\n", false, List.of(), new Thresholds(null, null, 60)).runFor(10);
        e.link("demo@localhost").numLogins = () -> 3;
        e.status("OB").runFor(100);
        assertEquals(0, e.link("demo@localhost").fsds, "no FSD for the others");
        assertEquals(75 + 5, e.rec.shutdownAt(), 0.001, "no HOSTSYNC wait, FINALDELAY only");
        assertFalse(Files.exists(flag), "the UPS must keep feeding the others");
        assertTrue(e.upsmon.lastShutdownAlone());
        assertEquals(List.of(ONBATT, SHUTDOWN), e.rec.types());
        assertSteps(e.upsmon.lastShutdown(),
                "+0.000s this host leaves alone: this host's threshold: power value 0 < MINSUPPLIES 1: demo@localhost on battery for more "
                        + "than 60 s (knut.monitor.threshold.on-battery)",
                "+0.000s primary of [demo@localhost] by upsmon.conf: FSD not set, the secondaries stay up and leave by their own rules",
                "+0.000s Executing automatic power-fail shutdown",
                "+0.000s notified SHUTDOWN, waiting FINALDELAY 5 s",
                "+5.000s record the shutdown",
                "+5.000s shutdown step done");
    }

    @Test
    void nutsCriticalConditionBeforeTheThresholdStillSetsFsd() throws Exception {
        Engine e = Engine.of(PRIMARY, false, List.of(), new Thresholds(null, null, 600)).runFor(10);
        e.status("OB").runFor(20);
        e.status("OB LB").runFor(30);
        assertEquals(1, e.link("demo@localhost").fsds);
        assertFalse(e.upsmon.lastShutdownAlone());
        assertEquals(30 + 5, e.rec.shutdownAt(), 0.001);
    }

    /** Two UPSes feed the host, one is enough: one UPS past the threshold still leaves the other, nobody leaves. */
    @Test
    void aThresholdOnOneOfTwoSuppliesIsNoReasonToLeave() throws Exception {
        Engine e = Engine.of(PRIMARY + "MONITOR b@localhost 1 monuser pass primary\n", false, List.of(),
                new Thresholds(null, null, 60)).runFor(10);
        e.status("OB").runFor(300);
        assertFalse(e.rec.hostWasShutDown());
        assertEquals(0, e.link("demo@localhost").fsds);
        assertTrue(e.upsmon.views().get(0).critical().contains("on battery for more than 60 s"), e.upsmon.views().toString());
    }

    @Test
    void pollfreqalertWhileOnBattery() throws Exception {
        Engine e = Engine.of(SECONDARY + "POLLFREQ 30\nPOLLFREQALERT 2\n").runFor(10);
        assertEquals(30, e.upsmon.pollInterval().getSeconds());
        e.status("OB").runFor(30);
        assertEquals(2, e.upsmon.pollInterval().getSeconds());
        e.status("OL").runFor(30);
        assertEquals(30, e.upsmon.pollInterval().getSeconds());
    }

    @Test
    void shutdownexitYesFinishesAndClosesTheSessions() throws Exception {
        Engine e = Engine.of(SECONDARY).status("FSD OB LB");
        e.upsmon.run();
        assertTrue(e.finished());
        assertFalse(e.link("demo@localhost").isOpen(), "logged out: the primary's NUMLOGINS drops");
        assertEquals(5, e.rec.shutdownAt(), 0.001);
    }

    @Test
    void shutdownexitSecondsLingersWithTheSessionsOpen() throws Exception {
        Engine e = Engine.of(SECONDARY + "SHUTDOWNEXIT 30\n").status("FSD OB LB");
        e.upsmon.run();
        assertTrue(e.finished());
        assertEquals(5, e.rec.shutdownAt(), 0.001);
        assertTrue(e.time.elapsed() > 35, "lingered 30 s after SHUTDOWNCMD: " + e.time.elapsed());
    }

    static void assertSteps(List<String> steps, String... expected) {
        assertEquals(List.of(expected), steps);
    }
}
