package org.knut.core.client;

import java.io.IOException;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.knut.core.tls.TlsContexts;

/**
 * How a NUT client uses STARTTLS, in upsmon.conf's terms: never, try it (NUT's clients always do, and
 * go on in plain text when upsd has no certificate), or insist on it ({@code FORCESSL 1}). With
 * {@code CERTVERIFY 1} the server's certificate must chain to the CA in {@code CERTPATH} (a PEM file or
 * directory here; NUT's NSS build wants a certificate database) and carry the host's name, or
 * {@code certName} when CERTHOST gives one.
 */
public record StartTls(Mode mode, boolean verify, Path caPath, String certName) {

    public enum Mode { OFF, TRY, FORCE }

    public static final StartTls OFF = new StartTls(Mode.OFF, false, null, null);

    /** NUT's default for upsc and upsmon: try, do not verify. */
    public static final StartTls TRY = new StartTls(Mode.TRY, false, null, null);

    /** Applies this policy to a fresh connection; an IOException means the connection must not be used. */
    public void apply(NutClient client) throws IOException {
        if (mode == Mode.OFF) {
            return;
        }
        SSLContext context = TlsContexts.client(verify, caPath, null, null);
        boolean upgraded = client.startTls(context, verify ? (certName == null ? client.host() : certName) : null);
        if (!upgraded && (mode == Mode.FORCE || verify)) {
            // as upsclient: FORCESSL, or a certificate to verify, means no plain-text fallback
            throw new IOException("the NUT server at " + client.host() + ":" + client.port()
                    + " does not offer STARTTLS (FORCESSL or CERTVERIFY is set)");
        }
    }
}
