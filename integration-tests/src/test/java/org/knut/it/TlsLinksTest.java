package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.client.StartTls;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.knut.core.testing.Ports;
import org.knut.core.testing.SharedDir;
import org.knut.core.testing.TestCertificates;
import org.knut.core.tls.TlsContexts;

/**
 * The packaged services with every TLS piece on, as the Helm chart's {@code tls} values turn them on:
 * driver-service publishes the UPS on TCP behind TLS and a token, upsd links to it with the same
 * token, offers STARTTLS on the NUT port (real upsc uses it) and HTTPS only on its REST port. An upsd
 * with the wrong token gets no data.
 */
class TlsLinksTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static TestCertificates certs;
    static Path conf;
    static int driverTcp;
    static int nutPort;
    static int httpsPort;
    static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        certs = TestCertificates.create(dir.resolve("certs"));
        Files.writeString(dir.resolve("token"), "right-token-4711\n");
        Files.writeString(dir.resolve("wrong-token"), "wrong-token-0815\n");
        Path dev = SharedDir.resolve("testdata/nut-ddl").resolve("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev");
        conf = NutConfDir.write(dir.resolve("conf"), Map.of("demo", dev));
        Files.createDirectories(conf.resolve("state"));
        driverTcp = Ports.free();
        Process driver = Processes.start(List.of("java", "-Dquarkus.http.port=" + Ports.free(),
                "-Dknut.driver.tcp.port=" + driverTcp,
                "-Dknut.driver.tcp.tls.cert-file=" + certs.serverCert(),
                "-Dknut.driver.tcp.tls.key-file=" + certs.serverKeyPkcs1(),
                "-Dknut.driver.tcp.token-file=" + dir.resolve("token"),
                "-jar", Paths.driverJar().toString()), env(), conf.resolve("driver-service.log"));
        processes.add(driver);
        Processes.awaitReady("the driver's TCP socket", WAIT, driver, conf.resolve("driver-service.log"),
                TlsLinksTest::driverListens);
        nutPort = Ports.free();
        httpsPort = Ports.free();
        Process upsd = upsd(nutPort, httpsPort, dir.resolve("token"), "upsd-service.log");
        processes.add(upsd);
        Processes.awaitReady("upsd to serve demo over the TLS link", WAIT, upsd, conf.resolve("upsd-service.log"),
                () -> status(nutPort).equals("OL"));
        // Quarkus opens its HTTP(S) port after the startup event that started the NUT server
        Await.until("upsd's HTTPS port", WAIT, () -> Command.check("curl", "-sS", "-o", "/dev/null", "--cacert",
                certs.ca().toString(), "https://localhost:" + httpsPort + "/q/health/live").exitCode() == 0);
    }

    @AfterAll
    static void stop() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Processes.stop(processes.get(i));
        }
    }

    private static Map<String, String> env() {
        return Map.of("NUT_CONFPATH", conf.toString(), "NUT_STATEPATH", conf.resolve("state").toString());
    }

    private static Process upsd(int nut, int https, Path token, String log) throws IOException {
        return Processes.start(List.of("java",
                "-Dknut.upsd.listen=127.0.0.1:" + nut,
                "-Dknut.upsd.drivers=demo=tcp:127.0.0.1:" + driverTcp,
                "-Dknut.upsd.driver-link.tls=true",
                "-Dknut.upsd.driver-link.ca-file=" + certs.ca(),
                "-Dknut.upsd.driver-link.token-file=" + token,
                "-Dknut.upsd.tls.cert-file=" + certs.serverCert(),
                "-Dknut.upsd.tls.key-file=" + certs.serverKey(),
                "-Dquarkus.http.port=" + Ports.free(),
                "-Dquarkus.http.ssl-port=" + https,
                "-Dquarkus.http.ssl.certificate.files=" + certs.serverCert(),
                "-Dquarkus.http.ssl.certificate.key-files=" + certs.serverKey(),
                "-Dquarkus.http.insecure-requests=disabled",
                "-jar", Paths.upsdJar().toString()), env(), conf.resolve(log));
    }

    private static boolean driverListens() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", driverTcp), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** ups.status through STARTTLS with a verified certificate; "" while not served. */
    private static String status(int port) {
        try (NutClient c = NutClient.connect("127.0.0.1", port, Duration.ofSeconds(5),
                new StartTls(StartTls.Mode.FORCE, true, certs.ca(), null))) {
            return c.get("demo", "ups.status");
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void realUpscReadsTheDriverThroughBothTlsLinks() {
        Command.Result r = Command.check("upsc", "demo@127.0.0.1:" + nutPort, "ups.status");
        assertEquals(List.of("OL"), r.lines(), r.toString());
        assertTrue(r.stderr().contains("in SSL"), r.toString());
    }

    @Test
    void restAnswersOverHttps() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.client(true, certs.ca(), null, null))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/api/v1/ups/demo"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"ups.status\""), r.body());
        Command.Result plain = Command.check("curl", "-sS", "http://localhost:" + httpsPort + "/api/v1/ups");
        assertTrue(plain.exitCode() != 0 || !plain.stdout().contains("ups.status"), "no plain HTTP on the TLS port: " + plain);
    }

    @Test
    void anUpsdWithTheWrongTokenGetsNoData() throws Exception {
        int nut = Ports.free();
        Process wrong = upsd(nut, Ports.free(), dir.resolve("wrong-token"), "upsd-wrong-token.log");
        try {
            Path log = conf.resolve("upsd-wrong-token.log");
            Await.until("upsd to report the refused token (log " + log + ")", WAIT,
                    () -> read(log).contains("the driver refused the token: ERR ACCESS-DENIED"));
            Await.until("the driver to log the refusal", WAIT,
                    () -> read(conf.resolve("driver-service.log")).contains("wrong or missing token"));
            Command.Result r = Command.check("upsc", "demo@127.0.0.1:" + nut, "ups.status");
            assertTrue(r.lines().isEmpty() && r.stderr().contains("Driver not connected"),
                    r + "\n--- the end of " + log + ":\n" + Processes.tail(log, 40));
        } finally {
            Processes.stop(wrong);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
