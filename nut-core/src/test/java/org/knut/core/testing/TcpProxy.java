package org.knut.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP link for fault drills, on 127.0.0.1 and a free port: forwards each connection to the first of
 * its targets that accepts (as a Service with several endpoints would), and on demand holds every chunk
 * for a while ({@link #delay}), swallows everything while keeping connections open ({@link #blackhole}),
 * or cuts the connections ({@link #cut}). Every connection and thread is closed by {@link #close}.
 */
public final class TcpProxy implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final ServerSocket server;
    private final List<Integer> targets;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong connections = new AtomicLong();
    private volatile long delayMillis;
    private volatile boolean blackhole;
    private volatile boolean closed;

    /** Forwards to 127.0.0.1 on the first of {@code targetPorts} that accepts. */
    public TcpProxy(Integer... targetPorts) throws IOException {
        this.targets = List.of(targetPorts);
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        daemon("tcp-proxy-accept-" + port(), this::acceptLoop).start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public long connections() {
        return connections.get();
    }

    /** Holds every chunk this long before passing it on (zero: none). */
    public void delay(Duration d) {
        delayMillis = d.toMillis();
    }

    /** Swallows all bytes both ways (connections stay open and silent), as a link that lost its route. */
    public void blackhole() {
        blackhole = true;
    }

    /** Passes bytes again; connections that lost bytes to the black hole are cut first, as a peer would reset them. */
    public void restore() {
        if (blackhole) {
            blackhole = false;
            cut();
        }
        delayMillis = 0;
    }

    /** Closes every open connection (new ones are still accepted). */
    public void cut() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Socket upstream = connect();
                if (upstream == null) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                daemon("tcp-proxy-up", () -> pump(client, upstream)).start();
                daemon("tcp-proxy-down", () -> pump(upstream, client)).start();
            } catch (IOException e) {
                // closed, or one failed accept: keep serving until closed
            }
        }
    }

    private Socket connect() {
        for (int port : targets) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", port), (int) CONNECT_TIMEOUT.toMillis());
                return s;
            } catch (IOException e) {
                closeQuietly(s);
            }
        }
        return null;
    }

    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                long hold = delayMillis;
                if (hold > 0) {
                    Thread.sleep(hold);
                }
                if (!blackhole) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // one side closed or was cut: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing to end the link; nothing to report
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // the accept loop ends either way
        }
        cut();
    }
}
