package org.knut.driver.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.sock.DriverLines;
import org.knut.core.sock.LinkToken;
import org.knut.core.testing.TestCertificates;
import org.knut.core.tls.TlsContexts;
import org.knut.driver.spi.DriverState;

/** The TCP driver socket behind TLS and a token: what upsd gets with the right token and what others get. */
class SecureLinkGatewayTest {
    private static final LinkToken TOKEN = LinkToken.of("cluster-secret-1");

    @TempDir
    static Path certDir;
    static TestCertificates certs;

    @TempDir
    Path dir;
    private DriverSocketServer server;
    private final List<Socket> sockets = new ArrayList<>();
    private final DriverState state = new DriverState(new UpsState(), Set.of(), false);

    /** Serves the state; commands are not what these tests are about. */
    private final SocketBackend backend = new StateOnlyBackend(state);

    @BeforeAll
    static void certificates() throws IOException {
        certs = TestCertificates.create(certDir.resolve("certs"));
    }

    private InetSocketAddress start(TcpLinkSecurity security) throws IOException {
        state.setInfo("ups.status", "OL");
        state.setFlags("ups.status", EnumSet.of(VarFlag.STRING));
        state.setInfo("battery.charge", "100");
        server = new DriverSocketServer("t", dir.resolve("dummy-ups-t"), new InetSocketAddress("127.0.0.1", 0), security,
                backend, 64 * 1024);
        server.start();
        return server.tcpAddress();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Socket tls(InetSocketAddress at, SSLContext client) throws IOException {
        Socket plain = plain(at);
        Socket s = TlsContexts.clientSocket(client, plain, "127.0.0.1", at.getPort(), true);
        sockets.add(s);
        return s;
    }

    private Socket plain(InetSocketAddress at) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(at, 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    private static void send(Socket s, String line) throws IOException {
        s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    private static List<String> dump(BoundedLineReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String l;
        while ((l = in.readLine()) != null) {
            lines.add(l);
            if (l.equals("DUMPDONE")) {
                break;
            }
        }
        return lines;
    }

    private static TcpLinkSecurity security(Path clientCa, LinkToken token) throws IOException {
        return new TcpLinkSecurity(TlsContexts.server(certs.serverCert(), certs.serverKey(), clientCa), clientCa != null, token);
    }

    @Test
    void theRightTokenOverTlsGetsTheSocketProtocol() throws IOException {
        InetSocketAddress at = start(security(null, TOKEN));
        Socket s = tls(at, TlsContexts.client(true, certs.ca(), null, null));
        BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 64 * 1024);
        send(s, TOKEN.authLine());
        assertEquals(LinkToken.ACCEPTED, in.readLine());
        send(s, "DUMPALL");
        assertEquals(DriverLines.dumpAll(state.upsState()), dump(in));
        state.setInfo("battery.charge", "90");
        assertEquals("SETINFO battery.charge \"90\"", in.readLine(), "broadcasts come through too");
    }

    @Test
    void aWrongOrMissingTokenIsRefusedBeforeAnyData() throws IOException {
        InetSocketAddress at = start(security(null, TOKEN));
        for (String first : List.of("AUTH not-the-token", "DUMPALL")) {
            Socket s = tls(at, TlsContexts.client(true, certs.ca(), null, null));
            BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 64 * 1024);
            send(s, first);
            send(s, "DUMPALL");
            assertEquals(LinkToken.DENIED, in.readLine(), first);
            assertNull(in.readLine(), "closed, nothing of the UPS sent after " + first);
        }
    }

    @Test
    void aPlainClientOnTheTlsPortSeesNoData() throws IOException {
        InetSocketAddress at = start(security(null, TOKEN));
        Socket s = plain(at);
        send(s, TOKEN.authLine());
        send(s, "DUMPALL");
        InputStream in = s.getInputStream();
        String got = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        assertFalse(got.contains("DUMPDONE") || got.contains("ups.status"), got);
    }

    @Test
    void mutualTlsWantsAClientCertificateOfItsCa() throws IOException {
        InetSocketAddress at = start(security(certs.ca(), null));
        Socket without = tls(at, TlsContexts.client(true, certs.ca(), null, null));
        assertThrows(IOException.class, () -> {
            send(without, "DUMPALL");
            dump(new BoundedLineReader(without.getInputStream(), 64 * 1024)); // TLS 1.3 reports the refusal on read
            throw new IOException("no refusal surfaced");
        });
        Socket with = tls(at, TlsContexts.client(true, certs.ca(), certs.clientCert(), certs.clientKey()));
        send(with, "DUMPALL");
        assertEquals(DriverLines.dumpAll(state.upsState()), dump(new BoundedLineReader(with.getInputStream(), 64 * 1024)));
    }

    @Test
    void aTokenAloneWorksOnPlainTcp() throws IOException {
        InetSocketAddress at = start(new TcpLinkSecurity(null, false, TOKEN));
        Socket s = plain(at);
        BoundedLineReader in = new BoundedLineReader(s.getInputStream(), 64 * 1024);
        send(s, TOKEN.authLine());
        assertEquals(LinkToken.ACCEPTED, in.readLine());
        send(s, "PING");
        assertEquals("PONG", in.readLine());
    }
}
