package org.knut.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.TestCertificates;

class TlsContextsTest {
    @TempDir
    static Path tmp;
    static TestCertificates certs;

    @BeforeAll
    static void certificates() throws IOException {
        certs = TestCertificates.create(tmp.resolve("certs"));
    }

    @Test
    void aFailureReasonIsTheInnermostMessageButASocketsOwn() {
        SSLHandshakeException wrapped = new SSLHandshakeException("outer");
        wrapped.initCause(new IOException("PKIX path building failed"));
        assertEquals("PKIX path building failed", TlsContexts.failureReason(wrapped));
        java.net.SocketException reset = new java.net.SocketException("Connection reset");
        reset.initCause(new IOException("inner"));
        assertEquals("Connection reset", TlsContexts.failureReason(reset));
        assertEquals("outer", TlsContexts.failureReason(new IOException("outer", new IOException())));
        assertEquals("ClosedChannelException", TlsContexts.failureReason(new java.nio.channels.ClosedChannelException()));
    }

    @Test
    void readsPkcs8Pkcs1AndTheCombinedFile() throws Exception {
        assertEquals("RSA", PemFiles.privateKey(certs.serverKey()).getAlgorithm());
        assertEquals(PemFiles.privateKey(certs.serverKey()), PemFiles.privateKey(certs.serverKeyPkcs1()));
        assertEquals(PemFiles.privateKey(certs.serverKey()), PemFiles.privateKey(certs.serverBundle()));
        assertEquals(PemFiles.certificates(certs.serverCert()), PemFiles.certificates(certs.serverBundle()));
        assertEquals(1, PemFiles.trustStore(certs.ca()).size());
        // a directory is a CA path: every certificate of its PEM files (keys, CSRs and the rest skipped)
        assertEquals(5, PemFiles.trustStore(certs.dir()).size());
    }

    @Test
    void unusableFilesAreErrorsNamingTheFile() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.pem"), "not a certificate\n");
        IOException e = assertThrows(IOException.class, () -> PemFiles.certificates(empty));
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        assertThrows(IOException.class, () -> PemFiles.privateKey(certs.serverCert()));
        Path encrypted = Files.writeString(tmp.resolve("enc.key"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertTrue(assertThrows(IOException.class, () -> PemFiles.privateKey(encrypted)).getMessage().contains("openssl pkcs8"));
    }

    @Test
    void verifiedClientAcceptsTheRightCaAndName() throws Exception {
        assertEquals("TLSv1.3", handshake(TlsContexts.server(certs.serverCert(), certs.serverKey(), null), false,
                TlsContexts.client(true, certs.ca(), null, null), "127.0.0.1", true));
    }

    @Test
    void verifiedClientRefusesAnotherCaOrAnotherName() throws Exception {
        SSLContext server = TlsContexts.server(certs.serverCert(), certs.serverKeyPkcs1(), null);
        boolean needs = false;
        assertThrows(SSLHandshakeException.class,
                () -> handshake(server, needs, TlsContexts.client(true, certs.otherCa(), null, null), "127.0.0.1", true));
        assertThrows(SSLHandshakeException.class,
                () -> handshake(server, needs, TlsContexts.client(true, certs.ca(), null, null), "ups.example.org", true));
        // NUT's CERTVERIFY 0: encrypted, whoever the server is
        assertEquals("TLSv1.3", handshake(server, false, TlsContexts.client(false, null, null, null), "ups.example.org", false));
    }

    @Test
    void serverRequiringClientCertificatesTakesOnlyThoseOfItsCa() throws Exception {
        SSLContext server = TlsContexts.server(certs.serverCert(), certs.serverKey(), certs.ca());
        boolean needs = true;
        assertEquals("TLSv1.3", handshake(server, true,
                TlsContexts.client(true, certs.ca(), certs.clientCert(), certs.clientKey()), "localhost", true));
        assertThrows(IOException.class,
                () -> handshake(server, needs, TlsContexts.client(true, certs.ca(), null, null), "localhost", true));
    }

    /** One TLS session between the two contexts over loopback; the protocol agreed. */
    private static String handshake(SSLContext serverContext, boolean needClientAuth, SSLContext clientContext,
            String name, boolean checkHost)
            throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(needClientAuth);
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(5000);
                    s.getOutputStream().write('x');
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                } catch (IOException e) {
                    // the client sees the failure
                }
            });
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                plain.setSoTimeout(5000);
                SSLSocket s = TlsContexts.clientSocket(clientContext, plain, name, server.getLocalPort(), checkHost);
                s.startHandshake();
                if (s.getInputStream().read() != 'x') {
                    throw new IOException("the server refused the session");
                }
                s.getOutputStream().write('y');
                s.getOutputStream().flush();
                return s.getSession().getProtocol();
            } finally {
                served.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
