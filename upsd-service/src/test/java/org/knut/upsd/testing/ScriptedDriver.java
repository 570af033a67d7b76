package org.knut.upsd.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver socket speaking NUT's driver protocol from a script, for what the real dummy-ups cannot be
 * made to do on cue (ENUM and RANGE variables, DATASTALE, TRACKING codes, silence, garbage). It answers
 * DUMPALL with its dump and PING with PONG unless muted, and records every line it receives.
 */
public final class ScriptedDriver implements AutoCloseable {
    private final Path path;
    private final ServerSocketChannel server;
    private final SocketAddress address;
    private final Thread acceptor;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile List<String> dump;
    private volatile boolean muted;
    private volatile SocketChannel current;

    /** A driver on the Unix socket {@code path}, as NUT drivers are. */
    public ScriptedDriver(Path path, List<String> dump) {
        this(path, dump, null);
    }

    /** A driver on a TCP port of 127.0.0.1, as in a cluster. */
    public static ScriptedDriver tcp(List<String> dump) {
        return new ScriptedDriver(null, dump, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private ScriptedDriver(Path path, List<String> dump, InetSocketAddress tcp) {
        this.path = path;
        this.dump = List.copyOf(dump);
        try {
            if (tcp == null) {
                Files.deleteIfExists(path);
                server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(path));
            } else {
                server = ServerSocketChannel.open();
                server.bind(tcp);
            }
            address = server.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptLoop, "scripted-driver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                current = c;
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(c), "scripted-driver-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel c) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                if (muted) {
                    continue;
                }
                if (line.equals("DUMPALL")) {
                    for (String l : dump) {
                        send(c, l);
                    }
                } else if (line.equals("PING")) {
                    send(c, "PONG");
                }
            }
        } catch (IOException e) {
            // connection gone
        }
    }

    private static synchronized void send(SocketChannel c, String line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    /** Sends a line to upsd on the current connection. */
    public void push(String line) {
        try {
            send(current, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What DUMPALL answers from now on. */
    public void dump(List<String> lines) {
        dump = List.copyOf(lines);
    }

    /** A muted driver reads but answers nothing, like a hung one. */
    public void mute(boolean on) {
        muted = on;
    }

    /** Closes the current connection from the driver's side. */
    public void hangUp() {
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> received() {
        return received;
    }

    public int connections() {
        return connections.get();
    }

    public Path path() {
        return path;
    }

    /** Where it listens: its Unix socket or its TCP address. */
    public SocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        try {
            server.close();
            SocketChannel c = current;
            if (c != null) {
                c.close();
            }
            acceptor.join(2000);
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
