package org.knut.driver.testing;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test client of a driver socket (Unix or TCP): sends lines, reads lines with a timeout (Unix
 * socket channels have no SO_TIMEOUT, so reads go through a selector).
 */
public final class LineClient implements Closeable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SocketChannel ch;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private final StringBuilder pending = new StringBuilder();
    private boolean eof;

    private LineClient(SocketChannel ch) throws IOException {
        this.ch = ch;
        ch.configureBlocking(false);
        selector = Selector.open();
        ch.register(selector, SelectionKey.OP_READ);
    }

    public static LineClient unix(Path path) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(path));
        return new LineClient(ch);
    }

    public static LineClient tcp(SocketAddress address) throws IOException {
        SocketChannel ch = SocketChannel.open(address);
        return new LineClient(ch);
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Selector writable = Selector.open()) {
            ch.register(writable, SelectionKey.OP_WRITE);
            while (b.hasRemaining()) {
                if (ch.write(b) == 0) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        throw new IOException("could not send within " + TIMEOUT);
                    }
                    writable.select(left);
                    writable.selectedKeys().clear();
                }
            }
        }
    }

    /** Tells the server we are done sending (half close). */
    public void shutdownOutput() throws IOException {
        ch.shutdownOutput();
    }

    /** The next line; fails after the timeout or at end of stream. */
    public String readLine() throws IOException {
        String l = readLineOrNull(TIMEOUT);
        if (l == null) {
            throw new IOException(eof ? "connection closed" : "no line within " + TIMEOUT);
        }
        return l;
    }

    /** The next line, or null at end of stream or after {@code timeout}. */
    public String readLineOrNull(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int nl = pending.indexOf("\n");
            if (nl >= 0) {
                String line = pending.substring(0, nl);
                pending.delete(0, nl + 1);
                return line;
            }
            if (eof) {
                return null;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            selector.select(left);
            selector.selectedKeys().clear();
            in.clear();
            int n;
            try {
                n = ch.read(in);
            } catch (IOException e) {
                eof = true;
                continue;
            }
            if (n < 0) {
                eof = true;
            } else {
                pending.append(new String(in.array(), 0, n, StandardCharsets.UTF_8));
            }
        }
    }

    /** Lines up to and including {@code last}. */
    public List<String> readUntil(String last) throws IOException {
        List<String> out = new ArrayList<>();
        while (true) {
            String l = readLine();
            out.add(l);
            if (l.equals(last)) {
                return out;
            }
        }
    }

    /** Sends a command and returns the answer lines up to DUMPDONE. */
    public List<String> dump(String command) throws IOException {
        send(command);
        return readUntil("DUMPDONE");
    }

    /** True when the peer closed the connection within the timeout (pending lines are discarded). */
    public boolean closedByPeer(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            pending.setLength(0);
            if (readLineOrNull(Duration.ofMillis(100)) == null && eof) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        selector.close();
        ch.close();
    }
}
