package org.knut.core.testing.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.protocol.ServerSentEvents;

/**
 * Many subscribers of upsd's {@code /api/v1/events?ups=NAME}, one small thread each, counting the status
 * events each one gets against the {@link StatusChanges} made: delivered, lost (a change a subscriber
 * never got), unexpected (a status no recent change set, or one out of order). Each delivery's latency is
 * taken twice: from the SET that caused it, and from the time upsd stamped on the event. A subscriber
 * whose stream ends reconnects a second later and counts the changes it missed meanwhile as lost.
 */
public final class EventSubscribers implements AutoCloseable {
    /** @param sources local addresses the subscribers are spread over (empty: the kernel's choice) */
    public record Settings(InetSocketAddress http, String ups, int count, List<InetAddress> sources) {
    }

    private static final int MAX_HEADER_LINE = 8192;
    private static final int MAX_HEADERS = 100;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60); // upsd sends a comment every 15 s

    private final Settings settings;
    private final StatusChanges changes;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LatencyRecorder sinceSet = new LatencyRecorder();
    private final LatencyRecorder sinceStamp = new LatencyRecorder();
    private volatile boolean running = true;

    public EventSubscribers(Settings settings, StatusChanges changes) {
        this.settings = settings;
        this.changes = changes;
        for (int i = 0; i < settings.count(); i++) {
            Subscriber s = new Subscriber(LoopbackSources.pick(settings.sources(), i));
            subscribers.add(s);
            s.thread = new Thread(null, s, "sse-" + i, 256 * 1024);
            s.thread.setDaemon(true);
            s.thread.start();
        }
    }

    /** Subscribers with an open stream that have had their snapshot. */
    public int connected() {
        return connected.get();
    }

    public long delivered() {
        return delivered.sum();
    }

    public long unexpected() {
        return unexpected.sum();
    }

    public long reconnects() {
        return reconnects.sum();
    }

    /** Changes some subscriber has not had: made since it subscribed, minus those delivered to it. */
    public long missing() {
        return missingBefore(Long.MAX_VALUE);
    }

    /** {@link #missing()} counting only the changes asked for before {@code nanoTime}. */
    public long missingBefore(long nanoTime) {
        long n = 0;
        int made = changes.countBefore(nanoTime);
        for (Subscriber s : subscribers) {
            n += s.missing(made);
        }
        return n;
    }

    /** Subscribers that have every change made since they first subscribed. */
    public int upToDate() {
        int n = 0;
        int made = changes.count();
        for (Subscriber s : subscribers) {
            n += s.missing(made) == 0 ? 1 : 0;
        }
        return n;
    }

    /** The latencies since the last call: from the SET, and from upsd's stamp on the event. */
    public void drainLatencies(LatencyHistogram fromSet, LatencyHistogram fromStamp) {
        sinceSet.drainInto(fromSet);
        sinceStamp.drainInto(fromStamp);
    }

    @Override
    public void close() {
        running = false;
        for (Subscriber s : subscribers) {
            s.disconnect();
        }
        for (Subscriber s : subscribers) {
            try {
                s.thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Subscriber implements Runnable {
        final InetAddress source;
        Thread thread;
        volatile Socket socket;
        int first = -1; // the first change this subscriber was to get
        int next; // the next change it is to get
        int got; // changes delivered to it

        Subscriber(InetAddress source) {
            this.source = source;
        }

        synchronized long missing(int made) {
            return first < 0 ? 0 : Math.max(0, (made - first) - got); // got may include changes made after "made"
        }

        @Override
        public void run() {
            while (running) {
                try {
                    follow();
                } catch (IOException | RuntimeException e) {
                    // counted below
                }
                if (running) {
                    reconnects.increment();
                    sleep(1000);
                }
            }
        }

        private void follow() throws IOException {
            try (Socket s = new Socket()) {
                socket = s;
                if (!running) {
                    return;
                }
                if (source != null) {
                    s.bind(new InetSocketAddress(source, 0));
                }
                s.connect(settings.http(), 10_000);
                s.setSoTimeout((int) READ_TIMEOUT.toMillis());
                OutputStream out = s.getOutputStream();
                out.write(("GET /api/v1/events?ups=" + settings.ups() + " HTTP/1.1\r\nHost: "
                        + settings.http().getHostString() + ":" + settings.http().getPort()
                        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream body = body(new BufferedInputStream(s.getInputStream()));
                ServerSentEvents events = new ServerSentEvents(new BoundedLineReader(body, ServerSentEvents.MAX_EVENT));
                boolean counted = false;
                try {
                    ServerSentEvents.Event e;
                    while ((e = events.next()) != null) {
                        if (!"status".equals(e.name())) {
                            continue;
                        }
                        String status = field(e.data(), "status");
                        if (e.data().contains("\"snapshot\":true")) {
                            subscribed(status);
                            if (!counted) {
                                counted = true;
                                connected.incrementAndGet();
                            }
                        } else if (status != null) {
                            got(status, field(e.data(), "time"));
                        }
                    }
                } finally {
                    if (counted) {
                        connected.decrementAndGet();
                    }
                }
            } finally {
                socket = null;
            }
        }

        /**
         * The snapshot: from here on this subscriber is to get every change after the one it shows. After a
         * reconnect, the changes made while it was away stay missing.
         */
        private synchronized void subscribed(String status) {
            int from = (status == null ? -1 : changes.latest(status)) + 1;
            if (first < 0) {
                first = from;
            }
            next = Math.max(next, from);
        }

        private void got(String status, String stamp) {
            long now = System.nanoTime();
            Instant wall = Instant.now();
            int k;
            synchronized (this) {
                k = first < 0 ? -1 : changes.find(next, status);
                if (k < 0) {
                    unexpected.increment();
                    return;
                }
                next = k + 1;
                got++;
            }
            delivered.increment();
            sinceSet.record((now - changes.askedAt(k)) / 1000);
            if (stamp != null) {
                try {
                    sinceStamp.record(Duration.between(Instant.parse(stamp), wall).toNanos() / 1000);
                } catch (DateTimeParseException e) {
                    unexpected.increment();
                }
            }
        }

        void disconnect() {
            Socket s = socket;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closed either way
                }
            }
        }
    }

    /** Reads the response head; the body as the events come, de-chunked if need be. */
    private static InputStream body(BufferedInputStream in) throws IOException {
        BoundedLineReader head = new BoundedLineReader(new HeadStream(in), MAX_HEADER_LINE);
        String status = head.readLine();
        if (status == null || !status.matches("HTTP/1\\.[01] 200.*")) {
            throw new IOException("events: " + status);
        }
        boolean chunked = false;
        for (int i = 0; i < MAX_HEADERS; i++) {
            String h = head.readLine();
            if (h == null || h.isEmpty()) {
                return chunked ? new ChunkedInputStream(in) : in;
            }
            String lower = h.toLowerCase(Locale.ROOT);
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        throw new IOException("events: over " + MAX_HEADERS + " header lines");
    }

    /** One byte at a time, so that the line reader of the head takes nothing of the body. */
    private static final class HeadStream extends InputStream {
        private final InputStream in;

        HeadStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }

    /** The value of {@code "name":"value"} in a flat JSON object, or null. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        int from = i + key.length();
        int to = json.indexOf('"', from);
        return to < 0 ? null : json.substring(from, to);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
