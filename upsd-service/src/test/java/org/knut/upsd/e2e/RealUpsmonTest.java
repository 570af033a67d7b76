package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.UpsmonSandbox;
import org.knut.upsd.testing.KnutUpsd;
import org.knut.upsd.testing.NutConf;
import org.knut.upsd.testing.NutConversation;
import org.knut.upsd.testing.Poll;
import org.knut.upsd.testing.RealDummyUps;

/**
 * Debian's real upsmon as a secondary on our upsd: it logs in (NUMLOGINS, LIST CLIENT), sees the FSD a
 * primary sets, shuts down (the sandbox's SHUTDOWNCMD only leaves a marker) and its exit logs it out.
 */
class RealUpsmonTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private static String ask(NutConversation c, String request) {
        try {
            return c.exchange(request);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSecondaryFollowsTheFsdOfItsPrimary() throws Exception {
        Path conf = NutConf.write(tmp.resolve("conf"), Map.of("demo", NutConf.ddl("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev")), "");
        try (RealDummyUps driver = RealDummyUps.start(conf, conf.resolve("state"), "demo");
                KnutUpsd knut = KnutUpsd.start(conf, conf.resolve("state"), Map.of());
                NutConversation primary = new NutConversation(knut.port())) {
            Await.until("the UPS to be served", WAIT, () -> knut.upsd().registry().find("demo").ready());
            try (UpsmonSandbox mon = UpsmonSandbox.start("demo", knut.port(), "secondary",
                    Map.of("POLLFREQ", "1", "POLLFREQALERT", "1", "FINALDELAY", "0", "HOSTSYNC", "2"))) {
                Poll.untilEquals("upsmon to log in", WAIT, "NUMLOGINS demo 1\n", () -> ask(primary, "GET NUMLOGINS demo"));
                assertEquals("BEGIN LIST CLIENT demo\nCLIENT demo 127.0.0.1\nEND LIST CLIENT demo\n",
                        ask(primary, "LIST CLIENT demo"));

                assertEquals("OK\n", ask(primary, "USERNAME monuser"));
                assertEquals("OK\n", ask(primary, "PASSWORD monpass"));
                assertEquals("OK\n", ask(primary, "LOGIN demo"));
                assertEquals("OK PRIMARY-GRANTED\n", ask(primary, "PRIMARY demo"));
                assertEquals("NUMLOGINS demo 2\n", ask(primary, "GET NUMLOGINS demo"));
                assertEquals("OK FSD-SET\n", ask(primary, "FSD demo"));

                mon.awaitShutdown(WAIT);
                Await.until("its FSD notification", WAIT, () -> mon.notifications().contains(" FSD demo@"));
                Poll.untilEquals("upsmon's exit to log it out", WAIT, "NUMLOGINS demo 1\n", () -> ask(primary, "GET NUMLOGINS demo"));
            }
        }
    }
}
