package org.knut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Command;
import org.knut.core.testing.RealUpsd;
import org.knut.core.testing.TestCertificates;

/** knut's --starttls and --cafile against Debian's real upsd, with and without its NSS certificate. */
class StartTlsOptionTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;
    static RealUpsd tls;
    static RealUpsd plain;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.create(dir.resolve("certs"));
        tls = certs.realUpsdWithStartTls(dir.resolve("tls"));
        plain = RealUpsd.start(Files.writeString(dir.resolve("ups.conf"), ""), dir, dir.resolve("plain"), "",
                "ALLOW_NO_DEVICE 1\n");
    }

    @AfterAll
    static void stop() {
        for (RealUpsd u : new RealUpsd[] {tls, plain}) {
            if (u != null) {
                u.close();
            }
        }
    }

    @Test
    void forcedAndVerifiedTlsWorksWithTheRightCaOnly() {
        Command.Result ok = Tools.knut("upsc", "--starttls", "force", "--cafile", certs.ca().toString(), "-l",
                "127.0.0.1:" + tls.port());
        assertEquals(0, ok.exitCode(), ok.toString());
        assertEquals("", ok.stderr());
        Command.Result wrongCa = Tools.knut("upsc", "--cafile", certs.otherCa().toString(), "-l", "127.0.0.1:" + tls.port());
        assertEquals(1, wrongCa.exitCode(), wrongCa.toString());
        assertTrue(wrongCa.stderr().startsWith("Error: "), wrongCa.toString());
    }

    @Test
    void forcingTlsOnAServerWithoutItFailsWhileTryingGoesOnInPlainText() {
        Command.Result forced = Tools.knut("upsc", "--starttls", "force", "-l", "127.0.0.1:" + plain.port());
        assertEquals(1, forced.exitCode(), forced.toString());
        assertTrue(forced.stderr().contains("does not offer STARTTLS"), forced.toString());
        assertEquals(0, Tools.knut("upsc", "-l", "127.0.0.1:" + plain.port()).exitCode());
        assertEquals(0, Tools.knut("upsc", "--starttls", "off", "-l", "127.0.0.1:" + tls.port()).exitCode());
    }
}
