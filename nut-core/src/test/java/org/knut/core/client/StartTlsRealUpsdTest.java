package org.knut.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;
import org.knut.core.testing.RealUpsd;
import org.knut.core.testing.TestCertificates;

/**
 * NutClient's STARTTLS against Debian's real upsd 2.8.0 (NSS build, its certificate in an NSS database
 * named by CERTPATH and CERTIDENT): the same replies and handshake as NUT's own clients get.
 */
class StartTlsRealUpsdTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;
    static RealUpsd upsd;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.create(dir.resolve("certs"));
        upsd = certs.realUpsdWithStartTls(dir.resolve("real"));
    }

    @AfterAll
    static void stop() {
        if (upsd != null) {
            upsd.close();
        }
    }

    @Test
    void verifiedStartTlsThenAlreadySslMode() throws Exception {
        try (NutClient c = NutClient.connect("127.0.0.1", upsd.port(), Duration.ofSeconds(10),
                new StartTls(StartTls.Mode.FORCE, true, certs.ca(), null))) {
            assertTrue(c.encrypted());
            assertTrue(c.version().startsWith("Network UPS Tools upsd 2.8.0"), c.version());
            NutException again = assertThrows(NutException.class, () -> c.request("STARTTLS"));
            assertEquals(NutError.ALREADY_SSL_MODE, again.error());
        }
    }

    @Test
    void anotherCaIsRefused() {
        assertThrows(IOException.class, () -> NutClient.connect("127.0.0.1", upsd.port(), Duration.ofSeconds(10),
                new StartTls(StartTls.Mode.TRY, true, certs.otherCa(), null)));
    }
}
