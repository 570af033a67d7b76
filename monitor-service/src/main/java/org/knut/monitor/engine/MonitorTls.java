package org.knut.monitor.engine;

import java.nio.file.Path;

import org.knut.core.client.StartTls;
import org.knut.core.config.UpsmonConf;

/**
 * upsmon.conf's TLS directives for one upsd host, as upsmon applies them: STARTTLS is always tried;
 * {@code FORCESSL 1} makes it required; {@code CERTVERIFY 1} checks the certificate against
 * {@code CERTPATH} (for knut a PEM CA file or a directory of PEM files; NUT's NSS build wants an NSS
 * database there) and that it names the host; a {@code CERTHOST} line for the host overrides both and
 * names the certificate to expect.
 */
public final class MonitorTls {
    private MonitorTls() {
    }

    public static StartTls forHost(UpsmonConf.Tls tls, String host) {
        Path ca = tls.certPath() == null ? null : Path.of(tls.certPath());
        for (UpsmonConf.CertHost h : tls.hosts()) {
            if (h.host().equals(host)) {
                return new StartTls(h.forceSsl() ? StartTls.Mode.FORCE : StartTls.Mode.TRY, h.certVerify(), ca, h.certName());
            }
        }
        return new StartTls(tls.forceSsl() ? StartTls.Mode.FORCE : StartTls.Mode.TRY, tls.certVerify(), ca, host);
    }
}
