package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.model.UpsState;
import org.knut.core.testing.Await;
import org.knut.core.testing.FakeDriver;

/**
 * The garbage-driver drill: the packaged upsd serves two driver sockets, a well-behaved fake driver for
 * UPS {@code good} and, for UPS {@code junk}, a socket that answers every connection with garbage in
 * turn (binary junk, a line longer than upsd's bound, malformed SETINFOs). upsd must drop or ignore
 * it, reconnect, and keep serving {@code good} and its changes throughout, with a bounded heap.
 */
class GarbageDriverDrillTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    /** One connection's garbage, and whether upsd closed the link on it. */
    record Round(String kind, boolean upsdClosed) {
    }

    @Test
    void aDriverSendingGarbageNeverDisturbsTheOtherUps() throws Exception {
        Path dev = dir.resolve("any.dev");
        Files.writeString(dev, "ups.status: OL\n");
        Path conf = NutConfDir.write(dir.resolve("conf"), Map.of("good", dev, "junk", dev));
        Path state = conf.resolve("state");
        UpsState good = new UpsState();
        good.setInfo("ups.status", "OL");
        good.setInfo("battery.charge", "100");
        good.setDataOk(true);
        List<Round> rounds = new CopyOnWriteArrayList<>();
        try (FakeDriver driver = new FakeDriver(state.resolve("dummy-ups-good"), good);
             Garbage junk = new Garbage(state.resolve("dummy-ups-junk"), rounds);
             KnutStack upsd = KnutStack.upsdServing(conf, state, "good")) {
            UpsdHeap.awaitMetrics(upsd.httpPort);
            List<Double> heap = new ArrayList<>();
            heap.add(UpsdHeap.usedMb(upsd.httpPort));
            long start = System.nanoTime();
            int changes = 0;
            while (rounds.size() < ROUNDS) {
                String status = changes % 2 == 0 ? "OB" : "OL";
                good.setInfo("ups.status", status);
                changes++;
                Await.until("upsd to serve good's change during round " + rounds.size(), WAIT, () -> status.equals(statusOf(upsd, "good")));
                assertTrue(upsd.alive(), "upsd exited; logs in " + conf);
                if (System.nanoTime() - start > WAIT.toNanos()) {
                    throw new AssertionError("only " + rounds.size() + " garbage rounds in " + WAIT + "; the junk driver is at "
                            + java.util.Arrays.toString(junk.thread.getStackTrace()) + "; logs in " + conf);
                }
            }
            heap.add(UpsdHeap.usedMb(upsd.httpPort));
            String log = Files.readString(conf.resolve("upsd-service.log"));
            assertTrue(log.contains("UPS [junk]"), "upsd logs what the junk driver did");
            assertTrue(rounds.stream().filter(r -> r.kind().equals("over-long line")).allMatch(Round::upsdClosed),
                    "a line over the bound drops the link: " + rounds);
            assertEquals(good.value("ups.status"), statusOf(upsd, "good"));
            assertTrue(heap.get(1) < heap.get(0) + 256, "upsd heap bounded: " + heap);
            DrillFigures.report("garbage-driver", rounds.size() + " garbage connections in " + DrillFigures.since(start) + " " + rounds
                    + ", good served " + changes + " changes meanwhile, upsd heap MB " + heap);
        }
    }

    private static String statusOf(KnutStack upsd, String ups) {
        try (NutClient c = upsd.client()) {
            return c.get(ups, "ups.status");
        } catch (Exception e) {
            return "unreachable: " + e.getMessage();
        }
    }

    /** The junk driver: each connection gets the next kind of garbage, then up to 2 s for upsd to hang up. */
    private static final class Garbage implements AutoCloseable {
        private static final List<String> KINDS = List.of("binary junk", "over-long line", "bad SETINFO");
        private final ServerSocketChannel server;
        private final Thread thread;

        Garbage(Path socket, List<Round> rounds) throws IOException {
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            thread = new Thread(() -> serve(rounds), "garbage-driver");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(List<Round> rounds) {
            Random random = new Random(11);
            while (server.isOpen()) {
                try (SocketChannel c = server.accept()) {
                    String kind = KINDS.get(rounds.size() % KINDS.size());
                    rounds.add(new Round(kind, sendAndWatch(c, garbage(kind, random))));
                } catch (IOException e) {
                    if (!server.isOpen()) {
                        return;
                    }
                }
            }
        }

        private static byte[] garbage(String kind, Random random) {
            return switch (kind) {
                case "binary junk" -> {
                    byte[] b = new byte[8192];
                    random.nextBytes(b);
                    yield b;
                }
                case "over-long line" -> ("SETINFO ups.status \"" + "A".repeat(200_000) + "\"\n").getBytes(StandardCharsets.US_ASCII);
                default -> "SETINFO\nSETINFO ups.status \"unterminated\nSETINFO a b c d e f\nDELINFO\nADDENUM x\nSETAUX y z\n"
                        .getBytes(StandardCharsets.US_ASCII);
            };
        }

        /**
         * Sends {@code garbage}; whether upsd closed the connection, while it was being sent (the write
         * fails) or within 2 s after (it may also just ignore what it cannot parse).
         */
        private static boolean sendAndWatch(SocketChannel c, byte[] garbage) throws IOException {
            try {
                c.write(ByteBuffer.wrap(garbage));
            } catch (IOException e) {
                return true;
            }
            c.configureBlocking(false);
            ByteBuffer buf = ByteBuffer.allocate(4096);
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline) {
                buf.clear();
                try {
                    if (c.read(buf) < 0) {
                        return true;
                    }
                } catch (IOException e) {
                    return true; // reset: upsd closed with our bytes unread
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            server.close();
            thread.interrupt();
        }
    }
}
