package org.knut.driver.sock;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.jboss.logging.Logger;
import org.knut.core.protocol.NutSyntaxException;
import org.knut.core.protocol.NutTokenizer;
import org.knut.core.sock.LinkToken;
import org.knut.core.tls.TlsContexts;

/**
 * The guarded TCP entrance to one UPS's driver socket: accepts a connection, does the TLS handshake
 * and checks the shared token (each within {@link #AUTH_TIMEOUT_MILLIS}), then relays the bytes both
 * ways between it and the driver's own Unix socket, so the socket server behind it is the same for
 * every client. A client that fails is logged with its address and closed before it sees any data.
 */
public final class SecureLinkGateway implements Closeable {
    static final int AUTH_TIMEOUT_MILLIS = 10_000;

    private static final Logger LOG = Logger.getLogger(SecureLinkGateway.class);

    private final String name;
    private final InetSocketAddress address;
    private final TcpLinkSecurity security;
    private final Path driverSocket;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private volatile boolean running;

    public SecureLinkGateway(String name, InetSocketAddress address, TcpLinkSecurity security, Path driverSocket) {
        this.name = name;
        this.address = address;
        this.security = security;
        this.driverSocket = driverSocket;
    }

    public void start() throws IOException {
        if (security.tls() != null) {
            SSLServerSocket tls = (SSLServerSocket) security.tls().getServerSocketFactory().createServerSocket();
            tls.setEnabledProtocols(TlsContexts.protocols());
            tls.setNeedClientAuth(security.requireClientCert());
            server = tls;
        } else {
            server = new ServerSocket();
        }
        server.setReuseAddress(true);
        server.bind(address);
        running = true;
        daemon("knut-link-accept-" + name, this::acceptLoop).start();
    }

    /** The bound address (the real port when 0 was asked). */
    public InetSocketAddress address() {
        return server == null ? null : (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (running) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.errorf("%s: the guarded TCP socket failed: %s", name, e.getMessage());
                }
                return;
            }
            if (open.size() >= DriverSocketServer.MAX_CLIENTS) {
                LOG.warnf("%s: refusing a TCP client: already %d connected", name, DriverSocketServer.MAX_CLIENTS);
                closeQuietly(s);
                continue;
            }
            open.add(s);
            daemon("knut-link-" + name, () -> serve(s)).start();
        }
    }

    private void serve(Socket s) {
        String peer = String.valueOf(s.getRemoteSocketAddress());
        try (s) {
            s.setSoTimeout(AUTH_TIMEOUT_MILLIS);
            s.setTcpNoDelay(true);
            if (s instanceof SSLSocket tls) {
                tls.startHandshake();
            }
            if (security.token() != null && !tokenAccepted(s, peer)) {
                return;
            }
            s.setSoTimeout(0);
            relay(s, peer);
        } catch (IOException e) {
            if (running) {
                LOG.warnf("%s: refused the TCP client %s: %s", name, peer, TlsContexts.failureReason(e));
            }
        } finally {
            open.remove(s);
        }
    }

    /** Reads the first line (bounded) and answers it; false (after saying so) when the token is wrong. */
    private boolean tokenAccepted(Socket s, String peer) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.length() >= LinkToken.MAX_LINE) {
                break;
            }
            line.append((char) c);
        }
        List<String> words;
        try {
            words = NutTokenizer.tokenize(line.toString());
        } catch (NutSyntaxException e) {
            words = List.of();
        }
        OutputStream out = s.getOutputStream();
        if (!security.token().accepts(words)) {
            LOG.warnf("%s: refused the TCP client %s: wrong or missing token", name, peer);
            out.write((LinkToken.DENIED + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return false;
        }
        out.write((LinkToken.ACCEPTED + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** Pumps bytes both ways until either side closes. */
    private void relay(Socket s, String peer) throws IOException {
        try (SocketChannel driver = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            driver.connect(UnixDomainSocketAddress.of(driverSocket));
            LOG.debugf("%s: TCP client %s admitted (%s)", name, peer, security.describe());
            Thread up = daemon("knut-link-up-" + name, () -> {
                byte[] buf = new byte[8192];
                try {
                    InputStream in = s.getInputStream();
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                        while (b.hasRemaining()) {
                            driver.write(b);
                        }
                    }
                } catch (IOException e) {
                    // the client went away: closing the driver side ends the other direction
                } finally {
                    closeQuietly(driver);
                }
            });
            up.start();
            ByteBuffer b = ByteBuffer.allocate(8192);
            OutputStream out = s.getOutputStream();
            try {
                while (driver.read(b) > 0) {
                    out.write(b.array(), 0, b.position());
                    out.flush();
                    b.clear();
                }
            } catch (IOException e) {
                // either side closed
            }
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        running = false;
        if (server != null) {
            closeQuietly(server);
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }
}
