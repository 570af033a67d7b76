package org.knut.upsd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.ConfigException;
import org.knut.core.testing.TestCertificates;

/** upsd's TLS settings from upsd.conf and knut.* keys: what is accepted and how refusals read. */
class TlsSettingsLoaderTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;

    private final Map<String, String> config = new HashMap<>();

    @BeforeAll
    static void certificates() throws IOException {
        certs = TestCertificates.create(dir.resolve("certs"));
        Files.writeString(dir.resolve("ups.conf"), "[demo]\n\tdriver = dummy-ups\n\tport = demo.dev\n");
        Files.writeString(dir.resolve("token"), "t0ken\n");
        Files.writeString(dir.resolve("bad-token"), "two words\n");
    }

    private UpsdSettings load(String upsdConf) throws Exception {
        Files.writeString(dir.resolve("upsd.conf"), upsdConf);
        config.put("knut.conf-path", dir.toString());
        return new SettingsLoader(k -> Optional.ofNullable(config.get(k)), config.keySet(), Map.of()).load();
    }

    private ConfigException refused(String upsdConf) {
        return assertThrows(ConfigException.class, () -> load(upsdConf));
    }

    @Test
    void offByDefault() throws Exception {
        UpsdSettings s = load("");
        assertNull(s.nutTls());
        assertEquals(DriverLinkSecurity.PLAIN, s.driverLink());
    }

    @Test
    void upsdConfCertfileCertpathAndCertrequest() throws Exception {
        UpsdSettings s = load("CERTFILE " + certs.serverBundle() + "\nCERTPATH " + certs.ca() + "\nCERTREQUEST 1\n");
        assertEquals(NutTls.CERTREQ_REQUEST, s.nutTls().certRequest());
        assertTrue(s.nutTls().engine().getWantClientAuth());
        config.put("knut.upsd.tls.cert-request", "2");
        assertTrue(load("CERTFILE " + certs.serverBundle() + "\nCERTPATH " + certs.ca() + "\n").nutTls().engine().getNeedClientAuth());
    }

    @Test
    void unusableTlsSettingsStopStartupWithTheReason() {
        ConfigException missing = refused("CERTFILE " + dir.resolve("nope.pem") + "\n");
        assertTrue(missing.getMessage().contains("upsd.conf CERTFILE") && missing.getMessage().contains("nope.pem"),
                missing.getMessage());
        ConfigException keyless = refused("CERTFILE " + certs.serverCert() + "\n");
        assertTrue(keyless.getMessage().contains("no PEM private key"), keyless.getMessage());
        ConfigException noCa = refused("CERTFILE " + certs.serverBundle() + "\nCERTREQUEST 2\n");
        assertTrue(noCa.getMessage().contains("CERTPATH"), noCa.getMessage());
    }

    @Test
    void driverLinkTlsAndToken() throws Exception {
        config.put("knut.upsd.driver-link.tls", "true");
        config.put("knut.upsd.driver-link.ca-file", certs.ca().toString());
        config.put("knut.upsd.driver-link.token-file", dir.resolve("token").toString());
        assertEquals("TLS + token", load("").driverLink().describe());
        config.put("knut.upsd.driver-link.check-host", "false");
        assertEquals("TLS (no host check) + token", load("").driverLink().describe());
        config.put("knut.upsd.driver-link.token-file", dir.resolve("bad-token").toString());
        assertTrue(refused("").getMessage().startsWith("knut.upsd.driver-link.token-file"));
        config.put("knut.upsd.driver-link.tls", "yes please");
        assertTrue(refused("").getMessage().contains("is not true or false"));
    }
}
