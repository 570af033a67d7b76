package org.knut.core.tls;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS contexts from PEM files ({@link PemFiles}), for both ends of knut's links: a server with its
 * certificate and key (and a CA when it checks client certificates), a client that verifies the server
 * against a CA (or the JVM's trust store), or, as NUT's clients do with CERTVERIFY 0, does not verify.
 */
public final class TlsContexts {
    private static final char[] NO_PASSWORD = new char[0];
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /**
     * Why a handshake failed, in one log line: the innermost cause's message (TLS wraps its alerts in
     * layers), but a socket's own failure ("Connection reset") as it is; the class name when nothing says.
     */
    public static String failureReason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = failure instanceof SocketException ? failure.getMessage() : root.getMessage();
        if (message == null) {
            message = failure.getMessage();
        }
        return message != null ? message : root.getClass().getSimpleName();
    }

    /**
     * A server context.
     *
     * @param certFile the certificate and its chain (PEM)
     * @param keyFile the private key (PEM); may be {@code certFile} itself
     * @param clientCa CAs that sign acceptable client certificates, or null when clients are not checked
     */
    public static SSLContext server(Path certFile, Path keyFile, Path clientCa) throws IOException {
        return context(keyManagers(certFile, keyFile), clientCa == null ? null : trustManagers(clientCa));
    }

    /**
     * A client context.
     *
     * @param verify check the server's certificate chain (against {@code ca}, or the JVM's trust store when null)
     * @param certFile a client certificate to present (mutual TLS), or null
     * @param keyFile its key, or null
     */
    public static SSLContext client(boolean verify, Path ca, Path certFile, Path keyFile) throws IOException {
        TrustManager[] trust = !verify ? new TrustManager[] {TrustAnything.INSTANCE}
                : ca == null ? null : trustManagers(ca);
        return context(certFile == null ? null : keyManagers(certFile, keyFile == null ? certFile : keyFile), trust);
    }

    /** Wraps a connected socket; with {@code checkHost}, the certificate must name {@code host} (DNS or IP). */
    public static SSLSocket clientSocket(SSLContext context, Socket plain, String host, int port, boolean checkHost)
            throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(PROTOCOLS);
        if (checkHost) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        s.setSSLParameters(p);
        s.setUseClientMode(true);
        return s;
    }

    /** The protocol versions offered: TLS 1.2 and 1.3 (what NUT's DISABLE_WEAK_SSL asks for). */
    public static String[] protocols() {
        return PROTOCOLS.clone();
    }

    private static SSLContext context(KeyManager[] keys, TrustManager[] trust) throws IOException {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(keys, trust, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(Path certFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = PemFiles.certificates(certFile);
        PrivateKey key = PemFiles.privateKey(keyFile);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("key", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, NO_PASSWORD);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException(certFile + ", " + keyFile + ": the key does not go with the certificate: "
                    + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(Path ca) throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(PemFiles.trustStore(ca));
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException(ca + ": " + e.getMessage(), e);
        }
    }

    /** NUT's CERTVERIFY 0: encryption without checking who the server is. */
    private enum TrustAnything implements X509TrustManager {
        INSTANCE;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a client context never judges clients
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // deliberately trusting: the caller asked for no verification
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
