package org.knut.core.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.knut.core.protocol.NutException;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the client's reading of a server's replies: a loopback server answers each request with the
 * fuzzer's bytes and hangs up. Whatever it says, the client returns, or fails with NutException (an
 * {@code ERR} reply) or IOException (a malformed or missing reply); nothing else escapes, and no reply
 * makes it read or buffer without bound.
 */
class NutClientRepliesFuzzTest {
    private static ServerSocket server;
    private static ExecutorService acceptor;
    private static volatile byte[] reply = new byte[0];

    /** The client under test reads until the server hangs up; a request line is what the server waits for. */
    @BeforeAll
    static void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Executors.newSingleThreadExecutor();
        acceptor.submit(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    int b;
                    while ((b = in.read()) != -1 && b != '\n') {
                        // the request itself does not matter
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(reply);
                    out.flush();
                } catch (IOException e) {
                    // the client hung up first, or the server was closed
                }
            }
        });
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
        acceptor.shutdownNow();
    }

    @FuzzTest(maxDuration = "60s")
    void listReply(byte[] data) throws IOException {
        ask(data, c -> c.listVars("demo"));
    }

    @FuzzTest(maxDuration = "60s")
    void singleLineReply(byte[] data) throws IOException {
        ask(data, c -> c.getType("demo", "ups.status"));
        ask(data, c -> c.numLogins("demo"));
        ask(data, c -> c.instcmd("demo", "beeper.toggle", null));
    }

    @FunctionalInterface
    private interface Request {
        Object send(NutClient client) throws IOException, NutException;
    }

    private static void ask(byte[] data, Request request) throws IOException {
        reply = data;
        // Jazzer's SSRF detector: the one connection this test makes is to its own loopback server
        try (SilentCloseable allowed = BugDetectors.allowNetworkConnections((host, port) -> port == server.getLocalPort());
                NutClient client = NutClient.connect("127.0.0.1", server.getLocalPort())) {
            request.send(client);
        } catch (EOFException | NutException e) {
            // a reply cut short, or an ERR reply: both are answers the caller handles
        } catch (IOException e) {
            if (e.getMessage() == null) {
                throw new AssertionError("an IOException without a message", e);
            }
        }
    }
}
