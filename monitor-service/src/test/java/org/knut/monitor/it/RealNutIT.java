package org.knut.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.NutSandbox;
import org.knut.core.testing.TcpProxy;

/**
 * The packaged monitor, run as a bare-host upsmon replacement from an unchanged upsmon.conf, against
 * Debian's real NUT 2.8 upsd with a real dummy-ups driver, next to the real upsmon as primary or as
 * secondary. Every test has its own sandbox on a free port, stopped afterwards.
 */
class RealNutIT {
    @TempDir
    Path dir;

    NutSandbox nut;
    MonitorProcess monitor;

    @BeforeEach
    void startNut() throws Exception {
        nut = NutSandbox.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            if (monitor != null) {
                monitor.close();
            }
        } finally {
            nut.close();
        }
    }

    String ups() {
        return nut.ups("demo");
    }

    /** A secondary's upsmon.conf with short timings; the harness adds SHUTDOWNCMD, NOTIFYCMD and NOTIFYFLAGs. */
    String secondary(int hostSync) {
        return "MONITOR " + ups() + " 1 " + NutSandbox.MONUSER + " " + NutSandbox.MONUSER_PASSWORD + " secondary\n"
                + "POLLFREQ 1\nPOLLFREQALERT 1\nDEADTIME 3\nFINALDELAY 1\nHOSTSYNC " + hostSync + "\n";
    }

    @Test
    void onBatteryAloneIsNoReasonButOnBatteryLowIs() throws Exception {
        monitor = MonitorProcess.start(dir, secondary(2));
        monitor.awaitReady();
        assertEquals(200, monitor.health("live").statusCode());
        Await.until("our LOGIN to count in NUMLOGINS", Duration.ofSeconds(10), () -> RealNut.numLogins(nut) == 1);

        RealNut.set(nut, "ups.status", "OB DISCHRG");
        MonitorProcess.Notice onbatt = monitor.awaitNotice("ONBATT", Duration.ofSeconds(10));
        assertEquals(new MonitorProcess.Notice("ONBATT", ups(), "UPS " + ups() + " on battery"), onbatt);
        // on battery for longer than HOSTSYNC + FINALDELAY, polled all along: long enough for OB LB to have acted
        long since = System.currentTimeMillis();
        Await.until("polls for 4 s on battery", Duration.ofSeconds(20), () -> monitor.lastPoll(ups()) > since + 4000);
        assertFalse(monitor.shutDown(), "OB alone must not shut the host down");
        assertFalse(monitor.hasNotice("SHUTDOWN"));
        monitor.assertAlive();

        RealNut.set(nut, "ups.status", "OB LB");
        Await.until("SHUTDOWNCMD, log:\n" + monitor.logText(), Duration.ofSeconds(20), monitor::shutDown);
        assertEquals(0, monitor.awaitExit(Duration.ofSeconds(15)), "exits after SHUTDOWNCMD as upsmon does");
        assertEquals(new MonitorProcess.Notice("LOWBATT", ups(), "UPS " + ups() + " battery is low"), monitor.awaitNotice("LOWBATT",
                Duration.ZERO));
        assertEquals(new MonitorProcess.Notice("SHUTDOWN", "", "Auto logout and shutdown proceeding"),
                monitor.awaitNotice("SHUTDOWN", Duration.ZERO));
        Await.until("our login to be gone from upsd", Duration.ofSeconds(10), () -> RealNut.numLogins(nut) == 0);
    }

    @Test
    void theRealUpsmonPrimarysFsdShutsUsDownAndItWaitsForUs() throws Exception {
        monitor = MonitorProcess.start(dir, secondary(60)); // our own OB LB wait would take a minute: FSD must be the reason
        monitor.awaitReady();
        RealNut.upsmon(nut, "primary", Map.of("POLLFREQ", "1", "POLLFREQALERT", "1", "HOSTSYNC", "30", "FINALDELAY", "1",
                "DEADTIME", "5"));
        Await.until("the real primary and us logged in", Duration.ofSeconds(15), () -> RealNut.numLogins(nut) == 2);

        double powerCut = System.currentTimeMillis() / 1000.0;
        RealNut.set(nut, "ups.status", "OB LB");
        Await.until("our SHUTDOWNCMD, log:\n" + monitor.logText(), Duration.ofSeconds(20), monitor::shutDown);
        assertTrue(monitor.shutdownTime() - powerCut < 15, "FSD, not our HOSTSYNC of 60 s");
        MonitorProcess.Notice fsd = monitor.awaitNotice("FSD", Duration.ZERO);
        assertEquals("UPS " + ups() + ": forced shutdown in progress", fsd.message());
        assertEquals(0, monitor.awaitExit(Duration.ofSeconds(15)));

        // the real primary saw our logout and shut down without waiting out its HOSTSYNC of 30 s
        Path theirMarker = nut.dir().resolve("shutdown.marker");
        Await.until("the real upsmon's SHUTDOWNCMD", Duration.ofSeconds(25), () -> MonitorProcess.markerTime(theirMarker) != null);
        double theirs = MonitorProcess.markerTime(theirMarker);
        assertTrue(theirs - powerCut < 25, "the primary waited for NUMLOGINS, not for HOSTSYNC: " + (theirs - powerCut));
        assertTrue(monitor.shutdownTime() <= theirs, "the secondary goes first");

        // same events, same words as the real upsmon (2.8.0 announces no FSD it sets itself)
        for (String type : List.of("ONBATT", "LOWBATT")) {
            String ours = monitor.awaitNotice(type, Duration.ZERO).message();
            String real = RealNut.upsmonNotices(nut).stream().filter(f -> f.length == 5 && f[2].equals(type) && f[3].equals(ups()))
                    .map(f -> f[4]).findFirst().orElseThrow(() -> new AssertionError("real upsmon sent no " + type));
            assertEquals(real, ours, type);
        }
    }

    @Test
    void asPrimaryWeSetFsdAndWaitForTheRealUpsmonSecondary() throws Exception {
        Path flag = dir.resolve("killpower");
        monitor = MonitorProcess.start(dir, "MONITOR " + ups() + " 1 " + NutSandbox.MONUSER + " " + NutSandbox.MONUSER_PASSWORD
                + " primary\nPOLLFREQ 1\nPOLLFREQALERT 1\nHOSTSYNC 30\nFINALDELAY 1\nPOWERDOWNFLAG " + flag + "\n");
        monitor.awaitReady();
        RealNut.upsmon(nut, "secondary", Map.of("POLLFREQ", "1", "POLLFREQALERT", "1", "HOSTSYNC", "30", "FINALDELAY", "1"));
        Await.until("the real secondary and us logged in", Duration.ofSeconds(15), () -> RealNut.numLogins(nut) == 2);

        double powerCut = System.currentTimeMillis() / 1000.0;
        RealNut.set(nut, "ups.status", "OB LB");
        Path theirMarker = nut.dir().resolve("shutdown.marker");
        Await.until("the real secondary's SHUTDOWNCMD", Duration.ofSeconds(20), () -> MonitorProcess.markerTime(theirMarker) != null);
        Await.until("our SHUTDOWNCMD, log:\n" + monitor.logText(), Duration.ofSeconds(20), monitor::shutDown);
        double theirs = MonitorProcess.markerTime(theirMarker);
        assertTrue(theirs <= monitor.shutdownTime(), "the secondary goes first");
        assertTrue(monitor.shutdownTime() - powerCut < 25, "we went once it logged out, before HOSTSYNC 30 s ran out");
        assertTrue(RealNut.upsmonNotices(nut).stream().anyMatch(f -> f.length == 5 && f[2].equals("FSD")),
                "the real secondary saw our FSD");
        assertTrue(monitor.hasNotice("SHUTDOWN_HOSTSYNC"), "we announced the wait for the secondary");
        assertEquals("upsmon-shutdown-file", Files.readString(flag));
        assertEquals(0, monitor.awaitExit(Duration.ofSeconds(15)));
    }

    @Test
    void anUpsdRestartIsNoReasonToShutDown() throws Exception {
        monitor = MonitorProcess.start(dir, secondary(2) + "NOCOMMWARNTIME 4\n");
        monitor.awaitReady();
        RealNut.stop(nut);
        monitor.awaitNotice("COMMBAD", Duration.ofSeconds(10));
        // NOCOMM comes NOCOMMWARNTIME (4 s) after the last poll, past DEADTIME (3 s): the rules have judged the outage
        monitor.awaitNotice("NOCOMM", Duration.ofSeconds(15));
        RealNut.start(nut);
        monitor.awaitNotice("COMMOK", Duration.ofSeconds(15));
        Await.until("communicating again", Duration.ofSeconds(10), () -> monitor.communicating(ups()));
        assertFalse(monitor.shutDown(), "an upsd restart while on line power is no power failure");
        assertFalse(monitor.hasNotice("SHUTDOWN"));
        monitor.assertAlive();
    }

    /**
     * The link to upsd breaks while the UPS is on battery (TcpProxy: black hole, connections cut), for
     * less than DEADTIME: COMMBAD, then COMMOK, and no shutdown, however long the UPS stays on battery
     * afterwards. A UPS last seen OB is only taken as OB LB once it has been unreachable past DEADTIME.
     */
    @Test
    void aShortCommbadWhileOnBatteryIsNoReasonToShutDown() throws Exception {
        int deadTime = 10;
        try (TcpProxy link = new TcpProxy(nut.port())) {
            String viaLink = "demo@127.0.0.1:" + link.port();
            monitor = MonitorProcess.start(dir, "MONITOR " + viaLink + " 1 " + NutSandbox.MONUSER + " " + NutSandbox.MONUSER_PASSWORD
                    + " secondary\nPOLLFREQ 1\nPOLLFREQALERT 1\nDEADTIME " + deadTime + "\nFINALDELAY 1\nHOSTSYNC 2\n");
            monitor.awaitReady();
            RealNut.set(nut, "ups.status", "OB DISCHRG");
            monitor.awaitNotice("ONBATT", Duration.ofSeconds(10));
            long lastGood = monitor.lastPoll(viaLink);

            link.blackhole();
            link.cut();
            monitor.awaitNotice("COMMBAD", Duration.ofSeconds(10));
            Await.until("3 s without the link", Duration.ofSeconds(10), () -> System.currentTimeMillis() - lastGood >= 3000);
            link.restore();
            long outage = System.currentTimeMillis() - lastGood;
            assertTrue(outage < (deadTime - 2) * 1000L, "the outage must stay well under DEADTIME: " + outage + " ms");
            monitor.awaitNotice("COMMOK", Duration.ofSeconds(deadTime - 2));

            // still on battery for longer than DEADTIME + HOSTSYNC + FINALDELAY after the break, polled all along
            Await.until("polls on battery past DEADTIME + HOSTSYNC + FINALDELAY", Duration.ofSeconds(30),
                    () -> monitor.lastPoll(viaLink) > lastGood + (deadTime + 2 + 1 + 2) * 1000L);
            assertFalse(monitor.shutDown(), "a COMMBAD shorter than DEADTIME while on battery is no reason to shut down");
            assertFalse(monitor.hasNotice("SHUTDOWN"));
            assertTrue(monitor.communicating(viaLink));
            monitor.assertAlive();
        }
    }

    @Test
    void aDryRunLogsWhatItWouldDoAndKeepsWatching() throws Exception {
        monitor = MonitorProcess.start(dir, secondary(1), "--dry-run");
        monitor.awaitReady();
        RealNut.set(nut, "ups.status", "OB LB");
        monitor.awaitNotice("SHUTDOWN", Duration.ofSeconds(15));
        Await.until("the dry run's last step in the log", Duration.ofSeconds(10),
                () -> monitor.logText().contains("would run SHUTDOWNCMD: "));
        String log = monitor.logText();
        assertTrue(log.indexOf("[dry run] +0.0") < log.indexOf("Executing automatic power-fail shutdown")
                && log.indexOf("waiting FINALDELAY 1 s") < log.indexOf("would run SHUTDOWNCMD"), log);
        assertFalse(monitor.shutDown(), "a dry run never runs SHUTDOWNCMD");
        monitor.assertAlive();
        assertTrue(monitor.communicating(ups()));
    }
}
