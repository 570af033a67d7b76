package org.knut.core.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knut.core.model.UpsState;
import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.protocol.NutSyntaxException;
import org.knut.core.protocol.NutTokenizer;
import org.knut.core.sock.DriverLines;
import org.knut.core.sock.TrackingResult;

/**
 * The server side of NUT's driver socket for tests, built on nut-core's own model and line
 * formatting: serves a {@link UpsState} to a real upsd (DUMPALL, PING, SET, INSTCMD with TRACKING) and
 * broadcasts every later change of the state. Lets a real upsd publish what dummy-ups cannot (ENUM,
 * RANGE, STRING lengths, several instant commands). Unknown instant commands, and those answered with
 * {@link #answer}, report their result on TRACKING.
 */
public final class FakeDriver implements AutoCloseable {
    private final UpsState state;
    private final ServerSocketChannel server;
    private final Path socket;
    private final List<SocketChannel> clients = new CopyOnWriteArrayList<>();
    private final Map<String, TrackingResult> answers = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final UpsState.Listener broadcaster = this::broadcast;

    /** Binds the socket (world-connectable, as upsd may run as another user) and starts serving. */
    public FakeDriver(Path socket, UpsState state) throws IOException {
        this.state = state;
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
        state.addListener(broadcaster);
        Thread acceptor = new Thread(this::acceptLoop, "fake-driver-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Makes INSTCMD {@code cmd} (or SET of variable {@code cmd}) report {@code result} on TRACKING. */
    public void answer(String cmd, TrackingResult result) {
        answers.put(cmd, result);
    }

    /** Every line upsd sent, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                clients.add(c);
                Thread t = new Thread(() -> serve(c), "fake-driver-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel c) {
        try (c) {
            BoundedLineReader in = new BoundedLineReader(Channels.newInputStream(c), 4096);
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                handle(NutTokenizer.tokenize(line), c);
            }
        } catch (IOException | NutSyntaxException e) {
            // upsd went away or sent garbage: drop the connection, as a driver does
        } finally {
            clients.remove(c);
        }
    }

    private void handle(List<String> t, SocketChannel out) throws IOException {
        if (t.isEmpty()) {
            return;
        }
        switch (t.get(0)) {
            case "DUMPALL" -> send(out, DriverLines.dumpAll(state));
            case "PING" -> send(out, List.of("PONG"));
            case "GETPID" -> send(out, List.of("PID " + ProcessHandle.current().pid()));
            case "SET" -> {
                if (t.size() >= 3) {
                    TrackingResult r = answers.getOrDefault(t.get(1), TrackingResult.HANDLED);
                    if (r == TrackingResult.HANDLED) {
                        state.setInfo(t.get(1), t.get(2));
                    }
                    track(t, 3, r, out);
                }
            }
            case "INSTCMD" -> {
                if (t.size() >= 2) {
                    TrackingResult r = answers.getOrDefault(t.get(1),
                            state.hasCommand(t.get(1)) ? TrackingResult.HANDLED : TrackingResult.UNKNOWN);
                    track(t, t.size() >= 4 && t.get(t.size() - 2).equals("TRACKING") ? t.size() - 2 : t.size(), r, out);
                }
            }
            default -> {
                // NOBROADCAST, LOGOUT, ...: nothing to answer
            }
        }
    }

    /** Answers {@code TRACKING <id> <code>} when the request carried {@code TRACKING <id>} at {@code at}. */
    private void track(List<String> t, int at, TrackingResult r, SocketChannel out) throws IOException {
        if (t.size() == at + 2 && t.get(at).equals("TRACKING")) {
            send(out, List.of(DriverLines.tracking(t.get(at + 1), r.code())));
        }
    }

    private void broadcast(String line) {
        for (SocketChannel c : clients) {
            try {
                send(c, List.of(line));
            } catch (IOException e) {
                clients.remove(c);
            }
        }
    }

    private static void send(SocketChannel out, List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        // written on the channel itself: a stream from Channels would wait for the reader's lock
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        synchronized (out) {
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        }
    }

    @Override
    public void close() throws IOException {
        state.removeListener(broadcaster);
        server.close();
        for (SocketChannel c : clients) {
            c.close();
        }
        Files.deleteIfExists(socket);
    }
}
