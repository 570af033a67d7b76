package org.knut.monitor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.knut.core.client.StartTls;
import org.knut.core.config.ConfigReader;
import org.knut.core.config.UpsmonConf;

class MonitorTlsTest {
    private static UpsmonConf.Tls tls(String lines) throws Exception {
        return UpsmonConf.of(ConfigReader.parse("upsmon.conf", "MONITOR demo@ups1 1 u p secondary\n" + lines)).tls();
    }

    @Test
    void upsmonAlwaysTriesAndForcesWithForcessl() throws Exception {
        assertEquals(new StartTls(StartTls.Mode.TRY, false, null, "ups1"), MonitorTls.forHost(tls(""), "ups1"));
        assertEquals(new StartTls(StartTls.Mode.FORCE, true, Path.of("/etc/nut/ca.pem"), "ups1"),
                MonitorTls.forHost(tls("FORCESSL 1\nCERTVERIFY 1\nCERTPATH /etc/nut/ca.pem\n"), "ups1"));
    }

    @Test
    void certhostDecidesForItsHostAndNamesTheCertificate() throws Exception {
        UpsmonConf.Tls t = tls("FORCESSL 1\nCERTPATH /etc/nut/ca.pem\nCERTHOST ups2 upsd.example.org 1 0\n");
        assertEquals(new StartTls(StartTls.Mode.TRY, true, Path.of("/etc/nut/ca.pem"), "upsd.example.org"),
                MonitorTls.forHost(t, "ups2"));
        assertEquals(new StartTls(StartTls.Mode.FORCE, false, Path.of("/etc/nut/ca.pem"), "ups1"), MonitorTls.forHost(t, "ups1"));
    }
}
