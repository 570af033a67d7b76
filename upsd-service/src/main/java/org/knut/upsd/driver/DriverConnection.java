package org.knut.upsd.driver;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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

import javax.net.ssl.SSLSocket;

import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.sock.LinkToken;
import org.knut.core.tls.TlsContexts;
import org.knut.upsd.config.DriverLinkSecurity;
import org.knut.upsd.state.DriverChannel;

/**
 * One open connection to a driver socket (Unix or TCP, the latter optionally with TLS and a token).
 * Lines are read by the link's thread; lines to the driver are queued and written by a writer thread of
 * their own, so that a driver that stops reading never blocks an event loop that forwards a client's
 * INSTCMD. Closing unblocks both threads.
 */
final class DriverConnection implements DriverChannel, Closeable {
    /** Longest line accepted from a driver; a longer one drops the connection. */
    static final int MAX_LINE = 64 * 1024;
    private static final int OUTBOX = 256;
    private static final String STOP = new String("stop"); // identity-compared sentinel

    /** Writes one encoded line completely. */
    private interface LineWriter {
        void write(byte[] line) throws IOException;
    }

    private final Closeable transport;
    private final LineWriter lineWriter;
    private final BoundedLineReader in;
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(OUTBOX);
    private final Thread writer;
    private volatile boolean closed;

    private DriverConnection(Closeable transport, InputStream in, LineWriter lineWriter, String name) {
        this.transport = transport;
        this.lineWriter = lineWriter;
        this.in = new BoundedLineReader(in, MAX_LINE);
        this.writer = new Thread(this::writeLoop, "driver-writer-" + name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Connects to {@code address}; a TCP connect (and TLS handshake and token check) gives up after
     * {@code timeout}. {@code security} applies to TCP only.
     */
    static DriverConnection open(SocketAddress address, DriverLinkSecurity security, Duration timeout, String name)
            throws IOException {
        if (address instanceof UnixDomainSocketAddress) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(address);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            // the channel itself, not Channels.newOutputStream: that stream would wait for a blocked read
            return new DriverConnection(ch, Channels.newInputStream(ch), bytes -> {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }, name);
        }
        InetSocketAddress tcp = (InetSocketAddress) address;
        if (tcp.isUnresolved()) {
            tcp = new InetSocketAddress(tcp.getHostString(), tcp.getPort()); // resolve now, on every attempt
        }
        Socket s = new Socket();
        try {
            s.connect(tcp, (int) timeout.toMillis());
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.setSoTimeout((int) timeout.toMillis());
            Socket link = s;
            if (security.tls() != null) {
                SSLSocket tls = TlsContexts.clientSocket(security.tls(), s, tcp.getHostString(), tcp.getPort(),
                        security.checkHost());
                tls.startHandshake();
                link = tls;
            }
            InputStream in = link.getInputStream();
            OutputStream out = link.getOutputStream();
            if (security.token() != null) {
                authenticate(security.token(), in, out);
            }
            s.setSoTimeout(0); // from now on the watchdog (PING, MAXAGE) judges silence
            // closing the plain socket (not the TLS layer, whose close may wait for the reading thread)
            // is what unblocks the reader at once
            return new DriverConnection(s, in, bytes -> {
                out.write(bytes);
                out.flush();
            }, name);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Sends the token and reads the driver's verdict byte by byte (nothing of the dump is read ahead). */
    private static void authenticate(LinkToken token, InputStream in, OutputStream out) throws IOException {
        out.write((token.authLine() + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder answer = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && answer.length() < LinkToken.MAX_LINE) {
            answer.append((char) c);
        }
        String verdict = answer.toString().strip();
        if (!verdict.equals(LinkToken.ACCEPTED)) {
            throw new IOException(verdict.isEmpty() ? "the driver closed the link after the token (wrong token?)"
                    : "the driver refused the token: " + verdict);
        }
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
                lineWriter.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            close(); // the reader sees the connection closed and the link reconnects
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
            transport.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
