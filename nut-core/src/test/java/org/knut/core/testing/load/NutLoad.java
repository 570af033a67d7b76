package org.knut.core.testing.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thousands of persistent NUT protocol clients at a steady rate: each sends {@code GET VAR ups var}
 * (every {@code listEvery}-th request {@code LIST VAR ups} instead) {@code ratePerClient} times a
 * second, one request outstanding, on a few selector threads. A request's latency runs from when it
 * was due, not when it could be sent, so a server that stalls is charged for the requests it held back;
 * its service time runs from when it was sent.
 * A connection the server closes or refuses counts as an error and is opened again a second later.
 */
public final class NutLoad implements AutoCloseable {
    /**
     * @param server        upsd's NUT port
     * @param clients       connections kept open
     * @param ratePerClient requests per second per connection
     * @param listEvery     every n-th request of a connection is LIST VAR (0: never)
     * @param sources       local addresses the connections are spread over (empty: the kernel's choice)
     * @param threads       selector threads
     */
    public record Settings(InetSocketAddress server, int clients, double ratePerClient, int listEvery, String ups,
            String var, List<InetAddress> sources, int threads) {
    }

    private static final long TIMEOUT_NS = Duration.ofSeconds(10).toNanos();
    private static final long RETRY_NS = Duration.ofSeconds(1).toNanos();
    private static final int MAX_CONNECTING = 64; // per thread, so that the ramp does not flood the accept queue
    private static final int MAX_LINE = 4096;

    private final Settings settings;
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder errorReplies = new LongAdder();
    private final LongAdder closedByServer = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final LatencyRecorder serviceTimes = new LatencyRecorder();
    private volatile boolean running = true;

    public NutLoad(Settings settings) throws IOException {
        this.settings = settings;
        int threads = Math.max(1, Math.min(settings.threads(), settings.clients()));
        for (int t = 0; t < threads; t++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = t; i < settings.clients(); i += threads) {
                mine.add(i);
            }
            workers.add(new Worker(mine));
        }
        for (int t = 0; t < workers.size(); t++) {
            Thread th = new Thread(workers.get(t), "nut-load-" + t);
            th.setDaemon(true);
            th.start();
        }
    }

    public int connected() {
        return connected.get();
    }

    /** Replies received (GET and LIST), since the start. */
    public long requests() {
        return requests.sum();
    }

    /** ERR replies, connections closed by the server, connections refused, replies over 10 s. */
    public Errors errors() {
        return new Errors(errorReplies.sum(), closedByServer.sum(), refused.sum(), timeouts.sum());
    }

    public record Errors(long errReplies, long closedByServer, long refused, long timeouts) {
        public long total() {
            return errReplies + closedByServer + refused + timeouts;
        }

        @Override
        public String toString() {
            return "err_replies=" + errReplies + " closed_by_server=" + closedByServer + " refused=" + refused
                    + " timeouts=" + timeouts;
        }
    }

    /** The latencies (from due) and service times (from sent) recorded since the last call. */
    public void drainLatencies(LatencyHistogram latency, LatencyHistogram service) {
        latencies.drainInto(latency);
        serviceTimes.drainInto(service);
    }

    /** Closes every connection and stops the threads. */
    @Override
    public void close() {
        running = false;
        for (Worker w : workers) {
            w.selector.wakeup();
        }
        for (Worker w : workers) {
            w.awaitStopped();
        }
    }

    private final class Conn {
        final int index;
        SocketChannel channel;
        boolean connecting;
        boolean open;
        boolean waiting;
        boolean listing;
        long dueAt;
        long sentAt;
        int sent;
        final ByteBuffer in = ByteBuffer.allocate(MAX_LINE);

        Conn(int index) {
            this.index = index;
        }
    }

    private final class Worker implements Runnable {
        final Selector selector;
        final List<Conn> conns = new ArrayList<>();
        final PriorityQueue<Conn> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueAt, b.dueAt));
        final long periodNs = (long) (1e9 / settings.ratePerClient());
        final byte[] get;
        final byte[] list;
        final String getPrefix;
        final String listEnd;
        int connecting;
        long lastExpiry;
        volatile boolean stopped;

        Worker(List<Integer> indexes) throws IOException {
            selector = Selector.open();
            for (int i : indexes) {
                conns.add(new Conn(i));
            }
            get = ("GET VAR " + settings.ups() + " " + settings.var() + "\n").getBytes(StandardCharsets.UTF_8);
            list = ("LIST VAR " + settings.ups() + "\n").getBytes(StandardCharsets.UTF_8);
            getPrefix = "VAR " + settings.ups() + " " + settings.var() + " ";
            listEnd = "END LIST VAR " + settings.ups();
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            for (Conn c : conns) {
                c.dueAt = now; // connect as soon as there is room
                due.add(c);
            }
            try {
                while (running) {
                    now = System.nanoTime();
                    startDue(now);
                    expire(now);
                    long wait = due.isEmpty() ? 50 : Math.max(1, (due.peek().dueAt - now) / 1_000_000);
                    selector.select(Math.min(wait, 50));
                    now = System.nanoTime();
                    for (SelectionKey k : selector.selectedKeys()) {
                        Conn c = (Conn) k.attachment();
                        if (k.isValid() && k.isConnectable()) {
                            finishConnect(c, k, now);
                        } else if (k.isValid() && k.isReadable()) {
                            read(c, now);
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                for (Conn c : conns) {
                    closeQuietly(c);
                }
                try {
                    selector.close();
                } catch (IOException e) {
                    // closing anyway
                }
                synchronized (this) {
                    stopped = true;
                    notifyAll();
                }
            }
        }

        synchronized void awaitStopped() {
            long end = System.currentTimeMillis() + 10_000;
            while (!stopped && System.currentTimeMillis() < end) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** Opens connections whose time has come and sends the requests that are due. */
        private void startDue(long now) {
            while (!due.isEmpty() && due.peek().dueAt <= now) {
                Conn c = due.peek();
                if (!c.open && connecting >= MAX_CONNECTING) {
                    return;
                }
                due.poll();
                if (c.open) {
                    send(c, now);
                } else {
                    connect(c, now);
                }
            }
        }

        private void connect(Conn c, long now) {
            try {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                InetAddress source = LoopbackSources.pick(settings.sources(), c.index);
                if (source != null) {
                    ch.bind(new InetSocketAddress(source, 0));
                }
                c.channel = ch;
                c.sentAt = now;
                if (ch.connect(settings.server())) {
                    opened(c, ch.register(selector, SelectionKey.OP_READ, c), now);
                } else {
                    ch.register(selector, SelectionKey.OP_CONNECT, c);
                    c.connecting = true;
                    connecting++;
                }
            } catch (IOException e) {
                failed(c, refused, now);
            }
        }

        private void finishConnect(Conn c, SelectionKey k, long now) {
            try {
                c.channel.finishConnect();
                k.interestOps(SelectionKey.OP_READ);
                opened(c, k, now);
            } catch (IOException e) {
                failed(c, refused, now);
            }
        }

        private void opened(Conn c, SelectionKey k, long now) {
            notConnecting(c);
            c.open = true;
            c.waiting = false;
            c.in.clear();
            connected.incrementAndGet();
            // a random phase, so that the clients' requests spread evenly over the period
            c.dueAt = now + ThreadLocalRandom.current().nextLong(periodNs);
            due.add(c);
        }

        private void send(Conn c, long now) {
            c.listing = settings.listEvery() > 0 && ++c.sent % settings.listEvery() == 0;
            ByteBuffer req = ByteBuffer.wrap(c.listing ? list : get);
            try {
                c.channel.write(req);
                if (req.hasRemaining()) {
                    throw new IOException("request not written at once");
                }
                c.waiting = true;
                c.sentAt = now;
            } catch (IOException e) {
                failed(c, closedByServer, now);
            }
        }

        private void read(Conn c, long now) {
            int n;
            try {
                n = c.channel.read(c.in);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                failed(c, closedByServer, now);
                return;
            }
            c.in.flip();
            int start = c.in.position();
            for (int i = start; i < c.in.limit(); i++) {
                if (c.in.get(i) == '\n') {
                    String line = new String(c.in.array(), start, i - start, StandardCharsets.ISO_8859_1).strip();
                    start = i + 1;
                    if (!line(c, line, now)) {
                        return;
                    }
                }
            }
            c.in.position(start);
            c.in.compact();
            if (!c.in.hasRemaining()) {
                failed(c, closedByServer, now); // a line longer than any upsd reply
            }
        }

        /** Handles one reply line; false when the connection was dropped. */
        private boolean line(Conn c, String line, long now) {
            if (!c.waiting) {
                failed(c, closedByServer, now); // nothing was asked
                return false;
            }
            if (line.startsWith("ERR")) {
                errorReplies.increment();
                answered(c, now, false);
            } else if (!c.listing) {
                if (!line.startsWith(getPrefix)) {
                    failed(c, errorReplies, now);
                    return false;
                }
                answered(c, now, true);
            } else if (line.equals(listEnd)) {
                answered(c, now, true);
            }
            return true;
        }

        private void answered(Conn c, long now, boolean ok) {
            c.waiting = false;
            if (ok) {
                requests.increment();
                latencies.record((now - c.dueAt) / 1000);
                serviceTimes.record((now - c.sentAt) / 1000);
            }
            c.dueAt += periodNs; // the schedule, not the reply, sets the next request
            due.add(c);
        }

        /** Gives up on replies and connections that took over 10 s (checked every 100 ms). */
        private void expire(long now) {
            if (now - lastExpiry < 100_000_000L) {
                return;
            }
            lastExpiry = now;
            for (Conn c : conns) {
                if ((c.waiting || c.connecting) && now - c.sentAt > TIMEOUT_NS) {
                    failed(c, c.connecting ? refused : timeouts, now);
                }
            }
        }

        private void notConnecting(Conn c) {
            if (c.connecting) {
                c.connecting = false;
                connecting--;
            }
        }

        private void failed(Conn c, LongAdder counter, long now) {
            counter.increment();
            due.remove(c);
            notConnecting(c);
            closeQuietly(c);
            c.waiting = false;
            c.dueAt = now + RETRY_NS;
            due.add(c);
        }

        private void closeQuietly(Conn c) {
            if (c.channel != null) {
                try {
                    c.channel.close();
                } catch (IOException e) {
                    // gone either way
                }
                c.channel = null;
            }
            if (c.open) {
                c.open = false;
                connected.decrementAndGet();
            }
        }
    }
}
