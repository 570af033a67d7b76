package org.knut.upsd.config;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.knut.core.tls.TlsContexts;

/**
 * STARTTLS on the NUT port: the server's TLS context and NUT's CERTREQUEST policy for client
 * certificates (0 none, 1 request, 2 require).
 */
public record NutTls(SSLContext context, int certRequest, String describe) {
    public static final int CERTREQ_NO = 0;
    public static final int CERTREQ_REQUEST = 1;
    public static final int CERTREQ_REQUIRE = 2;

    /** A server-side engine for one connection that asked for STARTTLS. */
    public SSLEngine engine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(TlsContexts.protocols());
        if (certRequest == CERTREQ_REQUIRE) {
            p.setNeedClientAuth(true);
        } else if (certRequest == CERTREQ_REQUEST) {
            p.setWantClientAuth(true);
        }
        engine.setSSLParameters(p);
        return engine;
    }
}
