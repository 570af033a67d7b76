package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.upsd.testing.KnutUpsd;
import org.knut.upsd.testing.NutConf;
import org.knut.upsd.testing.NutConversation;
import org.knut.upsd.testing.RawClient;
import org.knut.upsd.testing.RealDummyUps;

/**
 * Bad and hostile input over real TCP: each gets NUT's error or a close, and meanwhile another client
 * (the watcher) keeps being answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path tmp;

    private RealDummyUps driver;
    private KnutUpsd knut;
    private Thread watcher;
    private final AtomicBoolean watching = new AtomicBoolean();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicReference<Throwable> watcherFailure = new AtomicReference<>();

    @BeforeAll
    void start() throws Exception {
        Path conf = NutConf.write(tmp, Map.of("demo", NutConf.ddl("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev")), "");
        driver = RealDummyUps.start(conf, conf.resolve("state"), "demo");
        // the floods here come from one address on purpose: the per-address limits would cut them short
        knut = KnutUpsd.start(conf, conf.resolve("state"),
                Map.of("knut.upsd.max-conn-per-address", "0", "knut.upsd.login-failures.max", "0"));
        Await.until("the UPS to be served", WAIT, () -> knut.upsd().registry().find("demo").ready());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (knut != null) {
                knut.close();
            }
        } finally {
            if (driver != null) {
                driver.close();
            }
        }
    }

    /** A well-behaved client asking for ups.status all the time; any wrong answer fails the test. */
    @BeforeEach
    void startWatcher() {
        watching.set(true);
        watcher = new Thread(() -> {
            try (NutConversation c = new NutConversation(knut.port())) {
                while (watching.get()) {
                    String r = c.exchange("GET VAR demo ups.status");
                    if (!r.equals("VAR demo ups.status \"OL\"\n")) {
                        throw new AssertionError("watcher got " + r);
                    }
                    answers.incrementAndGet();
                }
            } catch (Throwable e) {
                watcherFailure.set(e);
            }
        }, "watcher");
        watcher.start();
        Await.until("the watcher's first answers", WAIT, () -> answers.get() > 0 || watcherFailure.get() != null);
    }

    /** The watcher must have been answered throughout, and still be. */
    @AfterEach
    void checkWatcher() throws InterruptedException {
        long before = answers.get();
        Await.until("the watcher to be answered after the test", WAIT, () -> answers.get() > before + 10 || watcherFailure.get() != null);
        watching.set(false);
        watcher.join(10_000);
        if (watcherFailure.get() != null) {
            throw new AssertionError("the watcher was not served", watcherFailure.get());
        }
    }

    @Test
    void unknownCommandsAndWrongArgumentCounts() throws IOException {
        try (NutConversation c = new NutConversation(knut.port())) {
            assertEquals("ERR UNKNOWN-COMMAND\n", c.exchange("FROB demo"));
            assertEquals("ERR UNKNOWN-COMMAND\n", c.exchange("REQ demo ups.status"));
            assertEquals("ERR INVALID-ARGUMENT\n", c.exchange("GET VAR demo"));
            assertEquals("ERR INVALID-ARGUMENT\n", c.exchange("LIST ENUM demo"));
            assertEquals("ERR INVALID-ARGUMENT\n", c.exchange("VER now"));
            assertEquals("ERR INVALID-ARGUMENT\n", c.exchange("USERNAME a b c"));
            assertEquals("VAR demo ups.status \"OL\"\n", c.exchange("GET VAR demo ups.status"));
        }
    }

    @Test
    void anUnterminatedQuoteIsAnInvalidArgumentAndTheConnectionGoesOn() throws IOException {
        try (RawClient c = new RawClient(knut.port())) {
            assertEquals("ERR INVALID-ARGUMENT", c.ask("GET VAR \"demo ups.status"));
            assertEquals("ERR INVALID-ARGUMENT", c.ask("GET VAR demo ups.status\\"));
            assertEquals("VAR demo ups.status \"OL\"", c.ask("GET VAR \"demo\" \"ups.status\""));
        }
    }

    @Test
    void anOverlongLineIsRefusedAndClosed() throws IOException {
        try (RawClient c = new RawClient(knut.port())) {
            c.send("GET VAR demo " + "x".repeat(5000));
            assertEquals("ERR INVALID-ARGUMENT\n", c.readLines(1));
            assertTrue(c.closedByServer());
        }
        try (RawClient c = new RawClient(knut.port())) {
            assertEquals("ERR VAR-NOT-SUPPORTED", c.ask("GET VAR demo " + "x".repeat(4000)), "a long line within the bound");
        }
    }

    @Test
    void binaryGarbageGetsErrorsOrACloseButNothingWorse() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            byte[] junk = new byte[1 + random.nextInt(20_000)];
            random.nextBytes(junk);
            try (RawClient c = new RawClient(knut.port())) {
                c.send(junk);
                c.send("\nVER\n");
                StringBuilder seen = new StringBuilder();
                try {
                    String line;
                    do {
                        line = c.readLines(1);
                        seen.append(line);
                        assertTrue(line.startsWith("ERR ") || line.startsWith("Network UPS Tools") || line.startsWith("OK")
                                || line.startsWith("VAR ") || line.startsWith("BEGIN ") || line.equals("1.3\n"), line);
                    } while (!line.startsWith("Network UPS Tools"));
                } catch (IOException closed) {
                    // a junk line longer than the bound: answered ERR INVALID-ARGUMENT and closed
                    assertTrue(seen.toString().endsWith("ERR INVALID-ARGUMENT\n"), seen.toString());
                }
            }
        }
        assertEquals(0, knut.upsd().registry().find("demo").numLogins());
    }

    @Test
    void aLoginFloodIsCountedAndForgotten() throws IOException {
        List<NutConversation> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                NutConversation c = new NutConversation(knut.port());
                clients.add(c);
                assertEquals("OK\n", c.exchange("USERNAME monuser"));
                assertEquals("OK\n", c.exchange("PASSWORD " + (i % 3 == 0 ? "wrong" : "monpass")));
                assertEquals(i % 3 == 0 ? "ERR ACCESS-DENIED\n" : "OK\n", c.exchange("LOGIN demo"));
            }
            try (NutConversation c = new NutConversation(knut.port())) {
                assertEquals("NUMLOGINS demo 200\n", c.exchange("GET NUMLOGINS demo"));
                String list = c.exchange("LIST CLIENT demo");
                assertEquals(202, list.split("\n").length, "BEGIN, 200 clients, END");
            }
        } finally {
            for (NutConversation c : clients) {
                c.close();
            }
        }
        Await.until("every TCP close to log out", WAIT, () -> knut.upsd().registry().find("demo").numLogins() == 0);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (RawClient c = new RawClient(knut.port())) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                batch.append(i % 2 == 0 ? "GET VAR demo ups.status\n" : "GET UPSDESC demo\n");
            }
            c.send(batch.toString());
            for (int i = 0; i < 200; i++) {
                assertEquals(i % 2 == 0 ? "VAR demo ups.status \"OL\"\n" : "UPSDESC demo \"nut-sandbox demo\"\n", c.readLines(1));
            }
        }
    }

    @Test
    void logoutClosesTheConnection() throws IOException {
        try (RawClient c = new RawClient(knut.port())) {
            c.send("LOGOUT\nVER\n");
            assertEquals("OK Goodbye\n", c.readLines(1));
            assertTrue(c.closedByServer(), "nothing after LOGOUT is answered");
        }
    }

    /** One write per reply: no delayed-ACK stall per line as with upsd (44 ms per LIST there). */
    @Test
    void listRepliesAreFast() throws IOException {
        try (NutConversation c = new NutConversation(knut.port())) {
            c.exchange("LIST VAR demo");
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertTrue(c.exchange("LIST VAR demo").endsWith("END LIST VAR demo\n"));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1500, "50 LIST VAR took " + millis + " ms");
        }
    }

    /**
     * A client that sends and never reads: the server stops reading it instead of queueing its replies,
     * so the client's writes stall (once the kernel's socket buffers are full) while others are served.
     */
    @Test
    void aClientThatNeverReadsIsThrottled() throws Exception {
        try (RawClient c = new RawClient(knut.port())) {
            byte[] chunk = "LIST VAR demo\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    // 10 million LISTs, some 20 GB of replies if they were all made
                    for (int i = 0; i < 10_000; i++) {
                        c.send(chunk);
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }, "flooder");
            writer.setDaemon(true);
            writer.start();
            long[] last = {-1, System.nanoTime()};
            Await.until("the flooder's writes to stall for half a second", WAIT, () -> {
                long now = System.nanoTime();
                if (sent.get() != last[0]) {
                    last[0] = sent.get();
                    last[1] = now;
                }
                return now - last[1] > 500_000_000L;
            });
            assertTrue(writer.isAlive());
            long before = answers.get();
            Await.until("the watcher to be served meanwhile", WAIT, () -> answers.get() > before + 100);
        }
    }
}
