package org.knut.upsd.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsdConf;
import org.knut.core.sock.LinkToken;
import org.knut.core.tls.TlsContexts;

/**
 * The TLS parts of upsd's settings. Unusable files stop startup with the reason (as upsd 2.8.6+
 * refuses to start with TLS options it cannot use). Keys:
 *
 * <pre>
 * knut.upsd.tls.cert-file          STARTTLS certificate (and chain) PEM; else upsd.conf CERTFILE (cert + key in one)
 * knut.upsd.tls.key-file           its private key PEM; default: the cert file
 * knut.upsd.tls.ca-path            CA PEM file or directory for client certificates; else upsd.conf CERTPATH
 * knut.upsd.tls.cert-request       0 none, 1 request, 2 require a client certificate; else upsd.conf CERTREQUEST
 * knut.upsd.driver-link.tls        true: TLS on tcp: driver links (default false)
 * knut.upsd.driver-link.ca-file    CA PEM that signs the drivers' certificates; default the JVM's trust store
 * knut.upsd.driver-link.check-host false: do not require the driver's certificate to name its host (default true)
 * knut.upsd.driver-link.cert-file, knut.upsd.driver-link.key-file
 *                                  a client certificate for drivers that require one (mutual TLS)
 * knut.upsd.driver-link.token-file, knut.upsd.driver-link.token
 *                                  the shared token sent first on tcp: driver links
 * </pre>
 */
final class TlsSettingsLoader {
    /** Reads a true/false key, else the fallback (SettingsLoader's rule). */
    interface Flags {
        boolean flag(String key, boolean fallback) throws ConfigException;
    }

    private final Function<String, Optional<String>> config;
    private final Flags flags;

    TlsSettingsLoader(Function<String, Optional<String>> config, Flags flags) {
        this.config = config;
        this.flags = flags;
    }

    /** STARTTLS settings, or null when no certificate is configured (STARTTLS then answers FEATURE-NOT-CONFIGURED). */
    NutTls nut(UpsdConf upsd) throws ConfigException {
        Optional<String> certKey = config.apply("knut.upsd.tls.cert-file");
        String certFile = certKey.orElse(upsd.certFile());
        String source = certKey.isPresent() ? "knut.upsd.tls.cert-file" : "upsd.conf CERTFILE";
        int certRequest = certRequest(upsd.certRequest());
        String ca = config.apply("knut.upsd.tls.ca-path").orElse(upsd.certPath());
        if (certFile == null) {
            if (certRequest != NutTls.CERTREQ_NO) {
                throw new ConfigException("knut.upsd.tls.cert-request", 0, "CERTREQUEST needs a certificate (CERTFILE)");
            }
            return null;
        }
        if (certRequest != NutTls.CERTREQ_NO && ca == null) {
            throw new ConfigException(source, 0,
                    "CERTREQUEST " + certRequest + " needs the CA of the client certificates (CERTPATH or knut.upsd.tls.ca-path)");
        }
        Path cert = Path.of(certFile);
        Path key = config.apply("knut.upsd.tls.key-file").map(Path::of).orElse(cert);
        try {
            return new NutTls(TlsContexts.server(cert, key, ca == null ? null : Path.of(ca)), certRequest,
                    "certificate " + cert + (certRequest == NutTls.CERTREQ_NO ? ""
                            : certRequest == NutTls.CERTREQ_REQUEST ? ", client certificates requested"
                            : ", client certificates required"));
        } catch (IOException e) {
            throw new ConfigException(source, 0, "unusable TLS files: " + e.getMessage());
        }
    }

    DriverLinkSecurity driverLink() throws ConfigException {
        boolean tls = flags.flag("knut.upsd.driver-link.tls", false);
        boolean checkHost = flags.flag("knut.upsd.driver-link.check-host", true);
        LinkToken token = token();
        if (!tls) {
            return token == null ? DriverLinkSecurity.PLAIN : new DriverLinkSecurity(null, false, token);
        }
        Optional<String> cert = config.apply("knut.upsd.driver-link.cert-file");
        try {
            return new DriverLinkSecurity(TlsContexts.client(true,
                    config.apply("knut.upsd.driver-link.ca-file").map(Path::of).orElse(null),
                    cert.map(Path::of).orElse(null),
                    config.apply("knut.upsd.driver-link.key-file").or(() -> cert).map(Path::of).orElse(null)),
                    checkHost, token);
        } catch (IOException e) {
            throw new ConfigException("knut.upsd.driver-link", 0, "unusable TLS files: " + e.getMessage());
        }
    }

    private LinkToken token() throws ConfigException {
        Optional<String> file = config.apply("knut.upsd.driver-link.token-file");
        try {
            if (file.isPresent()) {
                return LinkToken.read(Path.of(file.get()));
            }
            Optional<String> inline = config.apply("knut.upsd.driver-link.token");
            return inline.isPresent() ? LinkToken.of(inline.get()) : null;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file.isPresent() ? "knut.upsd.driver-link.token-file" : "knut.upsd.driver-link.token",
                    0, e.getMessage());
        }
    }

    private int certRequest(int fromFile) throws ConfigException {
        Optional<String> v = config.apply("knut.upsd.tls.cert-request");
        if (v.isEmpty()) {
            return fromFile;
        }
        return switch (v.get()) {
            case "0" -> NutTls.CERTREQ_NO;
            case "1" -> NutTls.CERTREQ_REQUEST;
            case "2" -> NutTls.CERTREQ_REQUIRE;
            default -> throw new ConfigException("knut.upsd.tls.cert-request", 0, "'" + v.get() + "' is not 0, 1 or 2");
        };
    }
}
