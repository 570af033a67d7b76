package org.knut.driver.sock;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jboss.logging.Logger;
import org.knut.core.model.UpsState;
import org.knut.core.protocol.NutSyntaxException;
import org.knut.core.protocol.NutTokenizer;
import org.knut.core.sock.ReplicaLogins;

/**
 * Publishes one UPS the way a NUT driver does: a server on the Unix socket
 * {@code <statepath>/<driver>-<ups>} (and optionally on a TCP address, plain as NUT's socket or guarded
 * by TLS and a token through a {@link SecureLinkGateway}) that answers {@link SocketCommands}
 * and broadcasts every state change to each client that did not opt out.
 *
 * <p>One selector thread does all socket I/O. Other threads (the driver's, which broadcasts) only queue
 * output on a client and wake the selector, so the driver never waits for a client; a client whose
 * unread output grows beyond its limit is disconnected. An upsd replica (a client that sent CLIENTS)
 * that stays silent beyond its silence limit is disconnected too: replicas PING at least every
 * {@link ReplicaLogins#HEARTBEAT}, so silence means its node is gone without closing the connection, and
 * its logins must stop counting on the other replicas.
 */
public final class DriverSocketServer implements Closeable {
    /** Longest command line we keep; parseconf's limits (32 words of 512 bytes) fit well within it. */
    public static final int MAX_LINE = 16 * 1024;
    /** Connections beyond this many are closed at once (upsd needs one; tools a few more). */
    public static final int MAX_CLIENTS = 256;

    private static final Logger LOG = Logger.getLogger(DriverSocketServer.class);

    private final String name;
    private final Path unixPath;
    private final InetSocketAddress tcpAddress;
    private final SocketBackend backend;
    private final int maxPending;
    private final long replicaSilenceNanos;
    private long lastSilenceCheck = System.nanoTime();
    private final SocketCommands commands;
    private final TcpLinkSecurity tcpSecurity;
    private SecureLinkGateway gateway;
    private final Set<SocketClient> clients = ConcurrentHashMap.newKeySet();
    private final Queue<SocketClient> dirty = new ConcurrentLinkedQueue<>();
    private final UpsState.Listener broadcaster = this::broadcast;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(8192);
    private Selector selector;
    private ServerSocketChannel unixServer;
    private ServerSocketChannel tcpServer;
    private Thread thread;
    private volatile boolean running;

    /**
     * @param name for thread names and logs
     * @param unixPath the Unix socket to create, or null for none
     * @param tcpAddress the TCP address to listen on, or null for none
     * @param maxPending bytes of unread output a client may accumulate before it is dropped
     */
    public DriverSocketServer(String name, Path unixPath, InetSocketAddress tcpAddress, SocketBackend backend, int maxPending) {
        this(name, unixPath, tcpAddress, TcpLinkSecurity.PLAIN, backend, maxPending);
    }

    /** With {@link ReplicaLogins#SILENCE_LIMIT} as the replicas' silence limit. */
    public DriverSocketServer(String name, Path unixPath, InetSocketAddress tcpAddress, TcpLinkSecurity tcpSecurity,
            SocketBackend backend, int maxPending) {
        this(name, unixPath, tcpAddress, tcpSecurity, backend, maxPending, ReplicaLogins.SILENCE_LIMIT);
    }

    /**
     * @param tcpSecurity how TCP clients are guarded; a secured TCP address is served by a
     *        {@link SecureLinkGateway} in front of the Unix socket
     * @param replicaSilence how long an upsd replica may stay silent before it is dropped
     */
    DriverSocketServer(String name, Path unixPath, InetSocketAddress tcpAddress, TcpLinkSecurity tcpSecurity,
            SocketBackend backend, int maxPending, Duration replicaSilence) {
        this.replicaSilenceNanos = replicaSilence.toNanos();
        this.tcpSecurity = tcpSecurity;
        this.name = name;
        this.unixPath = unixPath;
        this.tcpAddress = tcpAddress;
        this.backend = backend;
        this.maxPending = maxPending;
        this.commands = new SocketCommands(backend, new SocketCommands.Output() {
            @Override
            public void send(SocketClient client, List<String> lines) {
                queue(client, lines);
            }

            @Override
            public void closeAfterFlush(SocketClient client) {
                client.closeWhenFlushed();
                wake(client);
            }
        });
    }

    public void start() throws IOException {
        selector = Selector.open();
        try {
            if (unixPath != null) {
                unixServer = bindUnix(unixPath);
                unixServer.register(selector, SelectionKey.OP_ACCEPT);
            }
            if (tcpAddress != null && tcpSecurity.secured()) {
                if (unixServer == null) {
                    throw new IOException("a guarded TCP socket relays to the Unix socket, which is off");
                }
                gateway = new SecureLinkGateway(name, tcpAddress, tcpSecurity, unixPath);
                gateway.start();
            } else if (tcpAddress != null) {
                tcpServer = ServerSocketChannel.open();
                tcpServer.bind(tcpAddress);
                tcpServer.configureBlocking(false);
                tcpServer.register(selector, SelectionKey.OP_ACCEPT);
            }
        } catch (IOException e) {
            closeQuietly();
            throw e;
        }
        running = true;
        backend.state().upsState().addListener(broadcaster);
        thread = new Thread(this::loop, "knut-sock-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Binds the Unix socket, replacing a stale socket file but never one a live driver still serves. */
    private static ServerSocketChannel bindUnix(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (Files.exists(path)) {
            if (answers(path)) {
                throw new IOException("another driver is serving " + path);
            }
            Files.delete(path); // nobody answers: left over from a driver that died
        }
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path));
            ch.configureBlocking(false);
            // like NUT: owner and group (upsd) may connect
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            return ch;
        } catch (IOException | UnsupportedOperationException e) {
            ch.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private static boolean answers(Path path) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The bound TCP address (with the real port when 0 was asked), or null without TCP. */
    public InetSocketAddress tcpAddress() {
        if (gateway != null) {
            return gateway.address();
        }
        try {
            return tcpServer == null ? null : (InetSocketAddress) tcpServer.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    public Path unixPath() {
        return unixPath;
    }

    public int clientCount() {
        return clients.size();
    }

    private void broadcast(String line) {
        List<String> lines = List.of(line);
        for (SocketClient c : clients) {
            if (c.broadcast()) {
                queue(c, lines);
            }
        }
    }

    private void queue(SocketClient c, List<String> lines) {
        c.enqueue(lines);
        wake(c);
    }

    private void wake(SocketClient c) {
        dirty.add(c);
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    private void loop() {
        try {
            long checkMillis = Math.max(10, replicaSilenceNanos / 4_000_000);
            while (running) {
                selector.select(checkMillis);
                handleDirty();
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                dropSilentReplicas(checkMillis);
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.errorf(e, "driver socket of %s failed", name);
            }
        }
    }

    private void handleDirty() {
        SocketClient c;
        while ((c = dirty.poll()) != null) {
            SelectionKey key = c.channel.keyFor(selector);
            if (key == null || !key.isValid()) {
                continue;
            }
            if (c.overflowed()) {
                LOG.warnf("%s: dropping socket client %s: it left more than %d bytes unread", name, c.peer, maxPending);
                drop(key, c);
            } else if (c.hasOutput()) {
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            } else if (c.wantsClose()) {
                drop(key, c);
            }
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.isAcceptable()) {
                accept((ServerSocketChannel) key.channel());
                return;
            }
            SocketClient c = (SocketClient) key.attachment();
            if (key.isReadable()) {
                read(key, c);
            }
            if (key.isValid() && key.isWritable()) {
                if (c.flush()) {
                    key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
                    if (c.wantsClose()) {
                        drop(key, c);
                    }
                }
            }
        } catch (IOException e) {
            if (key.attachment() instanceof SocketClient c) {
                LOG.debugf("%s: socket client %s gone: %s", name, c.peer, e.getMessage());
                drop(key, c);
            }
        }
    }

    /** Every check interval: drops the replicas silent beyond the limit (see the class comment). */
    private void dropSilentReplicas(long checkMillis) {
        long now = System.nanoTime();
        if (now - lastSilenceCheck < checkMillis * 1_000_000) {
            return;
        }
        lastSilenceCheck = now;
        for (SocketClient c : List.copyOf(clients)) {
            if (c.replica && now - c.lastHeard > replicaSilenceNanos) {
                LOG.warnf("%s: dropping upsd replica %s: silent for more than %d ms", name, c.peer,
                        replicaSilenceNanos / 1_000_000);
                SelectionKey key = c.channel.keyFor(selector);
                if (key != null) {
                    drop(key, c);
                }
            }
        }
    }

    private void accept(ServerSocketChannel server) throws IOException {
        SocketChannel ch = server.accept();
        if (ch == null) {
            return;
        }
        if (clients.size() >= MAX_CLIENTS) {
            LOG.warnf("%s: refusing a socket client: already %d connected", name, MAX_CLIENTS);
            ch.close();
            return;
        }
        ch.configureBlocking(false);
        String peer = server == tcpServer ? String.valueOf(ch.getRemoteAddress()) : "unix:" + unixPath.getFileName();
        SocketClient c = new SocketClient(ch, peer, MAX_LINE, maxPending);
        ch.register(selector, SelectionKey.OP_READ, c);
        clients.add(c);
        LOG.debugf("%s: socket client %s connected", name, peer);
    }

    private void read(SelectionKey key, SocketClient c) throws IOException {
        readBuffer.clear();
        int n = c.channel.read(readBuffer);
        if (n < 0) {
            // the client is done sending: answer what it asked, then close
            key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
            c.closeWhenFlushed();
            wake(c);
            return;
        }
        c.lastHeard = System.nanoTime();
        readBuffer.flip();
        c.decoder.feed(readBuffer, new LineDecoder.Sink() {
            @Override
            public void line(String line) {
                execute(c, line);
            }

            @Override
            public void overlong(int length) {
                LOG.warnf("%s: ignored a line of %d bytes from %s (limit %d)", name, length, c.peer, MAX_LINE);
            }
        });
    }

    private void execute(SocketClient c, String line) {
        try {
            List<String> tokens = NutTokenizer.tokenize(line);
            if (!tokens.isEmpty() && !commands.handle(c, tokens)) {
                LOG.infof("%s: unknown command on socket from %s: %s", name, c.peer, abbreviate(line));
            }
        } catch (NutSyntaxException e) {
            LOG.infof("%s: parse error on socket from %s (%s): %s", name, c.peer, e.getMessage(), abbreviate(line));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private void drop(SelectionKey key, SocketClient c) {
        clients.remove(c);
        commands.dropped(c);
        key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // nothing left to do with it
        }
    }

    @Override
    public void close() {
        running = false;
        backend.state().upsState().removeListener(broadcaster);
        if (selector != null) {
            selector.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        if (gateway != null) {
            gateway.close();
        }
        for (SocketClient c : clients) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        clients.clear();
        for (Closeable ch : new Closeable[] {unixServer, tcpServer, selector}) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        if (unixServer != null && unixPath != null) {
            try {
                Files.deleteIfExists(unixPath);
            } catch (IOException e) {
                LOG.warnf("cannot remove %s: %s", unixPath, e.getMessage());
            }
        }
    }
}
