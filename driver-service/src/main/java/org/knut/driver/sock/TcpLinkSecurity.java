package org.knut.driver.sock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import org.knut.core.sock.LinkToken;
import org.knut.core.tls.TlsContexts;

/**
 * How the TCP driver sockets (for upsd replicas in a cluster) are guarded: TLS with the driver's
 * certificate, optionally requiring upsd's client certificate (mutual TLS), and/or a shared token that
 * upsd must send first ({@link LinkToken}). The Unix socket stays as in NUT. Keys:
 *
 * <pre>
 * knut.driver.tcp.tls.cert-file       certificate (and chain) PEM; TLS is on when set
 * knut.driver.tcp.tls.key-file        its private key PEM; default: the cert file
 * knut.driver.tcp.tls.client-ca-file  CA PEM: upsd must show a client certificate it signed
 * knut.driver.tcp.token-file, knut.driver.tcp.token   the shared token
 * </pre>
 *
 * @param tls the server context, or null for plain TCP
 * @param requireClientCert whether the TLS peer must show a certificate the client CA signed
 * @param token the token, or null for none
 */
public record TcpLinkSecurity(SSLContext tls, boolean requireClientCert, LinkToken token) {
    public static final TcpLinkSecurity PLAIN = new TcpLinkSecurity(null, false, null);

    /** True when TCP clients go through the {@link SecureLinkGateway}. */
    public boolean secured() {
        return tls != null || token != null;
    }

    public String describe() {
        return (tls == null ? "plain" : requireClientCert ? "mutual TLS" : "TLS") + (token == null ? "" : " + token");
    }

    /** Reads the keys above; an unusable file or value is an IllegalArgumentException naming the key. */
    public static TcpLinkSecurity load(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> c = k -> config.apply(k).map(String::trim).filter(v -> !v.isEmpty());
        LinkToken token = token(c);
        Optional<String> cert = c.apply("knut.driver.tcp.tls.cert-file");
        if (cert.isEmpty()) {
            return token == null ? PLAIN : new TcpLinkSecurity(null, false, token);
        }
        Optional<String> clientCa = c.apply("knut.driver.tcp.tls.client-ca-file");
        try {
            SSLContext context = TlsContexts.server(Path.of(cert.get()),
                    Path.of(c.apply("knut.driver.tcp.tls.key-file").orElse(cert.get())),
                    clientCa.map(Path::of).orElse(null));
            return new TcpLinkSecurity(context, clientCa.isPresent(), token);
        } catch (IOException e) {
            throw new IllegalArgumentException("knut.driver.tcp.tls: unusable TLS files: " + e.getMessage(), e);
        }
    }

    private static LinkToken token(Function<String, Optional<String>> c) {
        Optional<String> file = c.apply("knut.driver.tcp.token-file");
        try {
            if (file.isPresent()) {
                return LinkToken.read(Path.of(file.get()));
            }
            return c.apply("knut.driver.tcp.token").map(LinkToken::of).orElse(null);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException((file.isPresent() ? "knut.driver.tcp.token-file: " : "knut.driver.tcp.token: ")
                    + e.getMessage(), e);
        }
    }
}
