package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.client.StartTls;
import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;
import org.knut.core.testing.Await;
import org.knut.core.testing.NutSandbox;
import org.knut.core.testing.TestCertificates;
import org.knut.core.tls.TlsContexts;
import org.knut.upsd.testing.Cli;
import org.knut.upsd.testing.KnutUpsd;
import org.knut.upsd.testing.NutConf;
import org.knut.upsd.testing.RealDummyUps;
import org.knut.upsd.testing.TlsUpsmon;

/**
 * STARTTLS on our upsd as NUT 2.8 does it, with Debian's real clients (NSS builds: upsc always tries
 * STARTTLS and goes on unverified; upsmon with FORCESSL, CERTVERIFY and an NSS database in CERTPATH) and
 * with our NutClient.
 */
class StartTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;
    static TestCertificates certs;
    static Path conf;
    static RealDummyUps driver;

    @BeforeAll
    static void driverAndCertificates() throws IOException {
        certs = TestCertificates.create(tmp.resolve("certs"));
        conf = NutConf.write(tmp.resolve("conf"), Map.of("demo", NutConf.ddl("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev")),
                "CERTFILE " + certs.serverBundle() + "\n");
        driver = RealDummyUps.start(conf, conf.resolve("state"), "demo");
    }

    @AfterAll
    static void stopDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private static KnutUpsd upsd(Map<String, String> settings) throws Exception {
        KnutUpsd knut = KnutUpsd.start(conf, conf.resolve("state"), settings);
        Await.until("the UPS to be served", WAIT, () -> knut.upsd().registry().find("demo").ready());
        return knut;
    }

    private static int logins(NutClient c) {
        try {
            return c.numLogins("demo");
        } catch (IOException | NutException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void realUpscTalksToUsOverTls() throws Exception {
        try (KnutUpsd knut = upsd(Map.of())) {
            Cli.Result r = Cli.run("upsc", knut.ups("demo"), "ups.status");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(List.of("OL"), r.lines());
            assertTrue(r.error().contains("Connected to NUT server 127.0.0.1 in SSL"), r.toString());
        }
    }

    /** What a test checks on real upsmon and a watching client of our upsd. */
    private interface UpsmonCheck {
        void run(TlsUpsmon mon, NutClient watcher) throws Exception;
    }

    /** Our upsd and real upsmon with FORCESSL 1, CERTVERIFY 1 and an NSS database (CERTPATH) trusting {@code ca}. */
    private static void withVerifyingUpsmon(String name, Path ca, UpsmonCheck check) throws Exception {
        Path nssDb = TestCertificates.nssDatabase(tmp.resolve("nssdb-" + name), ca);
        try (KnutUpsd knut = upsd(Map.of());
                NutClient watcher = knut.client();
                TlsUpsmon mon = TlsUpsmon.start(tmp.resolve("upsmon-" + name), "demo", knut.port(), NutSandbox.MONUSER,
                        NutSandbox.MONUSER_PASSWORD, List.of("FORCESSL 1", "CERTVERIFY 1", "CERTPATH " + nssDb))) {
            check.run(mon, watcher);
        }
    }

    @Test
    void realUpsmonWithForcesslAndCertverifyLogsInOverTls() throws Exception {
        withVerifyingUpsmon("right", certs.ca(), (mon, watcher) -> {
            Await.until("upsmon to log in over TLS", WAIT, () -> logins(watcher) == 1);
            assertTrue(mon.log().contains("Connected to NUT server 127.0.0.1 in SSL"), mon.log());
            assertTrue(mon.log().contains("Intend to authenticate server 127.0.0.1 : SUCCESS"), mon.log());
        });
    }

    @Test
    void realUpsmonRefusesOurCertificateWhenItsDatabaseTrustsAnotherCa() throws Exception {
        withVerifyingUpsmon("wrong", certs.otherCa(), (mon, watcher) -> {
            Await.until("upsmon to give up on the certificate", WAIT,
                    () -> mon.log().contains("Certificate validation failed for 127.0.0.1"));
            assertEquals(0, logins(watcher), mon.log());
        });
    }

    @Test
    void startTlsTwiceIsAlreadySslMode() throws Exception {
        try (KnutUpsd knut = upsd(Map.of());
                NutClient c = NutClient.connect("127.0.0.1", knut.port(), Duration.ofSeconds(10),
                        new StartTls(StartTls.Mode.FORCE, true, certs.ca(), null))) {
            assertTrue(c.encrypted());
            assertEquals("OL", c.get("demo", "ups.status"));
            NutException e = assertThrows(NutException.class, () -> c.request("STARTTLS"));
            assertEquals(NutError.ALREADY_SSL_MODE, e.error());
            assertEquals("OL", c.get("demo", "ups.status"), "the session goes on after the refusal");
        }
    }

    @Test
    void withoutACertificateStartTlsIsNotConfiguredAndClientsGoOnInPlainText() throws Exception {
        Path plainConf = NutConf.write(tmp.resolve("plain-conf"), Map.of(), "ALLOW_NO_DEVICE 1\n");
        try (KnutUpsd knut = KnutUpsd.start(plainConf, conf.resolve("state"),
                Map.of("knut.upsd.drivers", "demo=unix:" + driver.socket()))) {
            Await.until("the UPS to be served", WAIT, () -> knut.upsd().registry().find("demo").ready());
            try (NutClient raw = knut.client()) {
                NutException e = assertThrows(NutException.class, () -> raw.request("STARTTLS"));
                assertEquals(NutError.FEATURE_NOT_CONFIGURED, e.error());
            }
            try (NutClient tried = NutClient.connect("127.0.0.1", knut.port(), Duration.ofSeconds(10), StartTls.TRY)) {
                assertFalse(tried.encrypted());
                assertEquals("OL", tried.get("demo", "ups.status"));
            }
            IOException forced = assertThrows(IOException.class, () -> NutClient.connect("127.0.0.1", knut.port(),
                    Duration.ofSeconds(10), new StartTls(StartTls.Mode.FORCE, false, null, null)));
            assertTrue(forced.getMessage().contains("does not offer STARTTLS"), forced.getMessage());
            Cli.Result r = Cli.run("upsc", knut.ups("demo"), "ups.status");
            assertEquals(List.of("OL"), r.lines(), "real upsc falls back to plain text: " + r);
        }
    }

    @Test
    void ourClientVerifyingAgainstAnotherCaRefusesTheServer() throws Exception {
        try (KnutUpsd knut = upsd(Map.of())) {
            assertThrows(IOException.class, () -> NutClient.connect("127.0.0.1", knut.port(), Duration.ofSeconds(10),
                    new StartTls(StartTls.Mode.FORCE, true, certs.otherCa(), null)));
            assertThrows(IOException.class, () -> NutClient.connect("127.0.0.1", knut.port(), Duration.ofSeconds(10),
                    new StartTls(StartTls.Mode.TRY, true, certs.ca(), "ups.example.org")), "the certificate names another host");
            try (NutClient c = NutClient.connect("127.0.0.1", knut.port(), Duration.ofSeconds(10),
                    new StartTls(StartTls.Mode.TRY, true, certs.ca(), "localhost"))) {
                assertTrue(c.encrypted(), "CERTHOST's name is what the certificate must carry");
            }
        }
    }

    @Test
    void requiredClientCertificatesKeepOutClientsWithoutOne() throws Exception {
        try (KnutUpsd knut = upsd(Map.of("knut.upsd.tls.cert-request", "2", "knut.upsd.tls.ca-path", certs.ca().toString()))) {
            assertThrows(IOException.class, () -> {
                try (NutClient c = NutClient.connect("127.0.0.1", knut.port(), Duration.ofSeconds(10),
                        new StartTls(StartTls.Mode.FORCE, true, certs.ca(), null))) {
                    c.get("demo", "ups.status"); // TLS 1.3: the refusal of the client's empty certificate arrives here
                }
            });
            Cli.Result r = Cli.run("upsc", knut.ups("demo"), "ups.status");
            assertNotEquals(0, r.exitCode(), "real upsc has no certificate to show: " + r);
            try (NutClient c = knut.client()) {
                assertTrue(c.startTls(TlsContexts.client(true, certs.ca(), certs.clientCert(), certs.clientKey()), "127.0.0.1"));
                assertEquals("OL", c.get("demo", "ups.status"));
            }
        }
    }

    @Test
    void plainTextSentAfterStartTlsIsDroppedNotAnswered() throws Exception {
        try (KnutUpsd knut = upsd(Map.of()); Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", knut.port()), 5000);
            s.setSoTimeout(5000);
            // a man in the middle appends a command to the client's STARTTLS (the CVE-2011-0411 pattern)
            s.getOutputStream().write("STARTTLS\nLIST UPS\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder ok = new StringBuilder();
            int b;
            while ((b = s.getInputStream().read()) != '\n' && b >= 0) {
                ok.append((char) b);
            }
            assertEquals("OK STARTTLS", ok.toString());
            // were LIST UPS answered, its plain-text reply would break the handshake
            SSLSocket tls = TlsContexts.clientSocket(TlsContexts.client(true, certs.ca(), null, null), s, "127.0.0.1",
                    knut.port(), true);
            tls.startHandshake();
            tls.getOutputStream().write("VER\n".getBytes(StandardCharsets.US_ASCII));
            String line = new BoundedLineReader(tls.getInputStream(), 1024).readLine();
            assertTrue(line.startsWith("Network UPS Tools upsd"), line);
        }
    }
}
