package org.knut.upsd.driver;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.knut.core.protocol.BoundedLineReader;
import org.knut.upsd.state.DriverChannel;

/**
 * One open connection to a driver socket (Unix or TCP). Lines are read by the link's thread; lines to
 * the driver are queued and written by a writer thread of their own, so that a driver that stops
 * reading never blocks an event loop that forwards a client's INSTCMD. Closing unblocks both threads.
 */
final class DriverConnection implements DriverChannel, Closeable {
    /** Longest line accepted from a driver; a longer one drops the connection. */
    static final int MAX_LINE = 64 * 1024;
    private static final int OUTBOX = 256;
    private static final String STOP = new String("stop"); // identity-compared sentinel

    private final SocketChannel channel;
    private final BoundedLineReader in;
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(OUTBOX);
    private final Thread writer;
    private volatile boolean closed;

    private DriverConnection(SocketChannel channel, String name) {
        this.channel = channel;
        this.in = new BoundedLineReader(Channels.newInputStream(channel), MAX_LINE);
        this.writer = new Thread(this::writeLoop, "driver-writer-" + name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Connects to {@code address}; a TCP connect gives up after {@code timeout}. */
    static DriverConnection open(SocketAddress address, Duration timeout, String name) throws IOException {
        SocketChannel ch;
        if (address instanceof UnixDomainSocketAddress) {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(address);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } else {
            InetSocketAddress tcp = (InetSocketAddress) address;
            if (tcp.isUnresolved()) {
                tcp = new InetSocketAddress(tcp.getHostString(), tcp.getPort()); // resolve now, on every attempt
            }
            ch = SocketChannel.open();
            try {
                ch.socket().connect(tcp, (int) timeout.toMillis());
                ch.socket().setTcpNoDelay(true);
                ch.socket().setKeepAlive(true);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
        return new DriverConnection(ch, name);
    }

    /** The next line from the driver, or null when it closed the connection. */
    String readLine() throws IOException {
        return in.readLine();
    }

    @Override
    public boolean send(String line) {
        return !closed && outbox.offer(line);
    }

    private void writeLoop() {
        try {
            while (!closed) {
                String line = outbox.take();
                if (line == STOP) {
                    return;
                }
                ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            close(); // the reader sees the channel closed and the link reconnects
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        outbox.clear();
        outbox.offer(STOP);
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
