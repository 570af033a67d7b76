package org.knut.driver.app;

import java.util.concurrent.TimeUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.SharedDir;
import org.knut.core.testing.Ports;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.dummy.DummyUpsFactory;
import org.knut.driver.spi.DriverRegistry;
import org.knut.driver.testing.RecordingDriverFactory;
import org.knut.driver.testing.RealNut;
import org.knut.driver.testing.TestSections;

/** Dump mode: one driver start, its data in upsc format, and clear failures. */
class DumpCommandTest {
    private static final Path DEV = SharedDir.resolve("testdata/nut-ddl/Eaton__5P_650__usbhid-ups__2.7.4__01.dev");

    @TempDir
    Path conf;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return run(TestSections.REGISTRY, args);
    }

    private int run(DriverRegistry registry, String... args) {
        DriverSettings settings = DriverSettings.forConfDir(Optional.of(conf.toString()));
        return new DumpCommand(registry, settings, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsWhatTheRealDriverPrintsInTheSameOrder() throws Exception {
        Files.copy(DEV, conf.resolve("eaton.dev"));
        Files.writeString(conf.resolve("ups.conf"), "[eaton]\n\tdriver = dummy-ups\n\tport = eaton.dev\n");
        assertEquals(0, run("dummy-ups", "-a", "eaton", "-d", "1"), err());

        new RealNut();
        ProcessBuilder pb = new ProcessBuilder(RealNut.DUMMY_UPS.toString(), "-a", "eaton", "-d", "1", "-u", "root");
        pb.environment().put("NUT_CONFPATH", conf.toString());
        pb.environment().put("NUT_STATEPATH", conf.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String real;
        try {
            real = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            p.destroyForcibly();
        }
        // the real one starts with its banner; driver.version* name the implementation
        List<String> expected = Arrays.stream(real.split("\n")).skip(1).filter(l -> !l.startsWith("driver.version")).toList();
        List<String> ours = Arrays.stream(out().split("\n")).filter(l -> !l.startsWith("driver.version")).toList();
        assertEquals(expected, ours);
        assertTrue(out().contains("driver.version.internal: 0.15-knut\n"), out());
    }

    @Test
    void withoutASectionTheUpsIsNamedAfterTheDriver() throws Exception {
        Path f = Files.writeString(conf.resolve("x.seq"), "ups.status: OB\nbattery.charge: 20\n");
        assertEquals(0, run("dummy-ups", "-x", "port=" + f, "-x", "mode=dummy-once", "-i", "5", "-D", "-u", "nut"), err());
        assertTrue(out().contains("driver.parameter.mode: dummy-once\n"), out());
        assertTrue(out().contains("driver.parameter.pollinterval: 5\n"), out());
        assertTrue(out().contains("ups.status: OB\n"), out());
        assertTrue(err().contains("Device simulation and repeater driver"), "banner on stderr");
    }

    @Test
    void missingFileIsAClearFailure() {
        assertEquals(1, run("dummy-ups", "-x", "port=/nonexistent/ups.dev", "-d", "1"));
        assertEquals("", out());
        assertTrue(err().contains("knut: dummy-ups: Can't open dummy-ups definition file /nonexistent/ups.dev"), err());
    }

    @Test
    void repeaterWithNobodyAnsweringFails() throws Exception {
        int port = Ports.free();
        assertEquals(1, run("dummy-ups", "-x", "port=ups@127.0.0.1:" + port));
        assertTrue(err().contains("repeating ups@127.0.0.1:" + port), err());
    }

    @Test
    void argumentAndConfigurationMistakes() throws Exception {
        assertEquals(2, run("no-such-driver", "-a", "x"));
        assertTrue(err().contains("unknown driver 'no-such-driver'"), err());
        assertEquals(2, run("dummy-ups", "-z"));
        assertEquals(2, run("dummy-ups", "-a"));
        assertEquals(1, run("dummy-ups"), "no port");
        assertTrue(err().contains("you must specify a port"), err());
        assertEquals(1, run("dummy-ups", "-x", "port=a.dev", "-x", "vendorid=1"));
        assertTrue(err().contains("-x vendorid: 'vendorid' is not a valid variable name for driver dummy-ups"), err());

        Files.writeString(conf.resolve("ups.conf"), "[usb]\n\tdriver = usbhid-ups\n\tport = auto\n[other]\n\tdriver = dummy-ups\n\tport = a.dev\n");
        assertEquals(1, run("dummy-ups", "-a", "nope"));
        assertTrue(err().contains("no UPS [nope] in ups.conf"), err());
        assertEquals(1, run("dummy-ups", "-a", "usb"));
        assertTrue(err().contains("unknown driver 'usbhid-ups'"), err());
    }

    @Test
    void shutdownAsksTheDriverOrFailsAsNutDoes() throws Exception {
        Files.writeString(conf.resolve("sim.dev"), "ups.status: OL\n");
        Files.writeString(conf.resolve("ups.conf"), "[sim]\n\tdriver = dummy-ups\n\tport = sim.dev\n[rec]\n\tdriver = recording\n\tport = none\n");
        // NUT 2.8.0's dummy-ups: fatalx "shutdown not supported", exit 1
        assertEquals(1, run("dummy-ups", "-a", "sim", "-k"));
        assertTrue(err().contains("knut: dummy-ups: shutdown not supported"), err());

        RecordingDriverFactory recording = new RecordingDriverFactory();
        assertEquals(0, run(new DriverRegistry(List.of(new DummyUpsFactory(), recording)), "recording", "-a", "rec", "-k"), err());
        assertEquals(List.of("shutdown"), recording.commands);
        assertTrue(err().contains("Initiating UPS shutdown"), err());
        assertEquals("", out(), "no dump with -k");
    }
}
