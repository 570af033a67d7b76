package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.upsd.testing.KnutUpsd;
import org.knut.upsd.testing.RawClient;
import org.knut.upsd.testing.ScriptedUpsd;

/**
 * Slow-loris and non-reading clients are dropped (line timeout, send timeout, reply backlog bound) while
 * the other clients of the same upsd go on being served. Raw sockets on a upsd fed by a scripted driver.
 */
class SlowClientsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Enough variables that one LIST VAR reply is about 130 kB: the replies to one read of requests must
     * outgrow what the kernel's socket buffers take (megabytes on loopback) plus the backlog bound.
     */
    private static final int VARIABLES = 1000;

    @TempDir
    Path conf;

    private ScriptedUpsd upsd;
    private KnutUpsd knut;

    @AfterEach
    void stop() throws Exception {
        if (upsd != null) {
            upsd.close();
        }
    }

    private void start(Map<String, String> settings) throws Exception {
        List<String> dump = new ArrayList<>(List.of("SETINFO ups.status \"OL\""));
        for (int i = 0; i < VARIABLES; i++) {
            dump.add("SETINFO test.filler." + i + " \"" + "x".repeat(100) + "\"");
        }
        dump.add("DATAOK");
        dump.add("DUMPDONE");
        upsd = ScriptedUpsd.start(conf, dump, settings, WAIT);
        knut = upsd.knut();
    }

    @Test
    void aClientDribblingALineIsDroppedAndOthersAreServed() throws Exception {
        start(Map.of("knut.upsd.line-timeout", "1s"));
        try (RawClient dribbler = new RawClient(knut.port());
                RawClient talker = new RawClient(knut.port());
                RawClient splitter = new RawClient(knut.port())) {
            dribbler.send("GET VAR demo ups.st");
            long start = System.nanoTime();
            Await.until("the dribbling client to be closed", WAIT, () -> {
                try {
                    dribbler.send("a"); // a byte at a time keeps it from being idle, but its line never ends
                } catch (IOException closed) {
                    // closed: the count below says so
                }
                try {
                    assertEquals("1.3", talker.ask("NETVER"));
                    // a client whose lines arrive in pieces, each finished quickly, is not slow
                    splitter.send("GET VAR demo ");
                    assertEquals("VAR demo ups.status \"OL\"", splitter.send("ups.status\n").readLines(1).trim());
                } catch (IOException e) {
                    throw new AssertionError("a well-behaved client was dropped", e);
                }
                return knut.upsd().clients() == 2;
            });
            assertTrue(System.nanoTime() - start >= 900_000_000L, "not before the line timeout");
            assertTrue(dribbler.closedByServer());
            assertEquals("1.3", talker.ask("NETVER"));
            assertEquals("1.3", splitter.ask("NETVER"));
        }
    }

    @Test
    void aClientThatNeverReadsItsRepliesIsDroppedAfterTheSendTimeout() throws Exception {
        start(Map.of("knut.upsd.send-timeout", "1s"));
        try (RawClient talker = new RawClient(knut.port()); Socket deaf = deafClient()) {
            // small replies to many requests: the backlog grows slowly, so only the send timeout can act
            Thread writer = writeUntilClosed(deaf, "NETVER\n".repeat(100));
            try {
                Await.until("the deaf client to be closed", WAIT, () -> {
                    try {
                        assertEquals("1.3", talker.ask("NETVER"));
                    } catch (IOException e) {
                        throw new AssertionError("the reading client was dropped", e);
                    }
                    return knut.upsd().clients() == 1;
                });
                writer.join(WAIT.toMillis());
                assertTrue(!writer.isAlive(), "the deaf client's writes fail once it is closed");
                assertEquals("VAR demo ups.status \"OL\"", talker.ask("GET VAR demo ups.status"));
            } finally {
                deaf.close();
                writer.join(WAIT.toMillis());
            }
        }
    }

    @Test
    void aClientPilingUpRepliesBeyondTheBacklogBoundIsDroppedAtOnce() throws Exception {
        // the send timeout is far off: only the backlog bound can close it within the test's wait
        start(Map.of("knut.upsd.send-timeout", "10m"));
        try (RawClient talker = new RawClient(knut.port()); Socket deaf = deafClient()) {
            // 200 requests (about 140 in upsd's first read), of about 130 kB each: far more replies than the
            // socket buffers and the bound hold
            deaf.getOutputStream().write("LIST VAR demo\n".repeat(200).getBytes(StandardCharsets.US_ASCII));
            Await.until("the piling client to be closed", WAIT, () -> knut.upsd().clients() == 1);
            assertEquals("VAR demo ups.status \"OL\"", talker.ask("GET VAR demo ups.status"));
            assertTrue(talker.send("LIST VAR demo\n").readLines(VARIABLES + 3).endsWith("END LIST VAR demo\n"));
        }
    }

    /** A client with a small receive buffer, so that unread replies back up into upsd soon. */
    private Socket deafClient() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(2048);
        s.connect(new InetSocketAddress("127.0.0.1", knut.port()), 5000);
        Await.until("the deaf client to be admitted", WAIT, () -> knut.upsd().clients() == 2);
        return s;
    }

    /** Writes {@code chunk} over and over (never reading) until the connection fails. */
    private static Thread writeUntilClosed(Socket s, String chunk) {
        byte[] bytes = chunk.getBytes(StandardCharsets.US_ASCII);
        Thread t = new Thread(() -> {
            try {
                OutputStream out = s.getOutputStream();
                while (true) {
                    out.write(bytes);
                }
            } catch (IOException closed) {
                // the server closed it (or the test did)
            }
        }, "deaf-writer");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
