package org.knut.upsd.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A bare TCP client for sending arbitrary bytes and reading raw replies, with bounded waits. */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(int port) throws IOException {
        this(port, null);
    }

    /** A client connecting from {@code localAddress} (another loopback address such as 127.0.0.2), or any when null. */
    public RawClient(int port, String localAddress) throws IOException {
        socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads until {@code lines} newlines have arrived; the text read. */
    public String readLines(int lines) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int seen = 0;
        while (seen < lines) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + buf.toString(StandardCharsets.UTF_8));
            }
            buf.write(b);
            if (b == '\n') {
                seen++;
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** One request line, one reply line (without its newline). */
    public String ask(String line) throws IOException {
        send(line + "\n");
        String r = readLines(1);
        return r.substring(0, r.length() - 1);
    }

    /** True when the server has closed the connection (within the read timeout). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
