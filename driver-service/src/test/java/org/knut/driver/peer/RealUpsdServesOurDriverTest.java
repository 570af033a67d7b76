package org.knut.driver.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.SharedDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.Ports;
import org.knut.core.client.NutClient;
import org.knut.driver.config.DriverConfig;
import org.knut.driver.config.DriverConfigLoader;
import org.knut.driver.config.DriverSection;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.dummy.DummyUpsFactory;
import org.knut.driver.runtime.RunnerEnvironment;
import org.knut.driver.runtime.UpsRunner;
import org.knut.driver.spi.DriverRegistry;
import org.knut.driver.testing.RealNut;
import org.knut.driver.testing.RecordingDriverFactory;

/** Debian's real upsd (NUT 2.8.0) serves our drivers' sockets to the real upsc, upsrw and upscmd. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealUpsdServesOurDriverTest {
    private static final Path DEV = SharedDir.resolve("testdata/nut-ddl/APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    private final RealNut nut = new RealNut();
    private final RecordingDriverFactory recording = new RecordingDriverFactory();
    private final DriverRegistry registry = new DriverRegistry(List.of(new DummyUpsFactory(), recording));
    private final Map<String, UpsRunner> runners = new LinkedHashMap<>();
    private String host;

    @BeforeAll
    void start() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.copy(DEV, dir.resolve("smart.dev"));
        Files.writeString(dir.resolve("ups.conf"), """
                [sim]
                \tdriver = dummy-ups
                \tport = smart.dev
                \tdesc = "our dummy-ups"
                [rec]
                \tdriver = recording
                \tport = none
                """);
        int port = Ports.free();
        host = "127.0.0.1:" + port;
        RealNut.writeUpsdConfig(dir, port);
        DriverSettings settings = new DriverSettings(Optional.of(dir.toString()), Optional.of(state.toString()), Optional.empty(),
                OptionalInt.empty(), "127.0.0.1", DriverSettings.DEFAULT_MAX_PENDING_BYTES);
        DriverConfig config = new DriverConfigLoader(registry).load(settings, Map.of());
        RunnerEnvironment env = new RunnerEnvironment(dir, state, "127.0.0.1", OptionalInt.empty(),
                DriverSettings.DEFAULT_MAX_PENDING_BYTES, config.retryDelay(), Clock.systemUTC());
        for (DriverSection s : config.selected()) {
            UpsRunner r = new UpsRunner(s, registry.find(s.driver()), env);
            runners.put(s.name(), r);
            r.start();
        }
        Await.until("our drivers", TIMEOUT, () -> runners.values().stream().allMatch(UpsRunner::ready));
        nut.startUpsd(dir, state);
        Await.until("real upsd serving our drivers", TIMEOUT, () -> status("sim") != null && status("rec") != null);
    }

    /** ups.status as upsd serves it, or null while it cannot (not listening, WAIT, stale). */
    private String status(String ups) {
        try (NutClient c = NutClient.connect("127.0.0.1", Integer.parseInt(host.substring(host.indexOf(':') + 1)))) {
            String s = c.get(ups, "ups.status");
            return s.equals("WAIT") ? null : s;
        } catch (Exception e) {
            return null;
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        nut.close();
        runners.values().forEach(UpsRunner::stop);
    }

    private static RealNut.Result run(String... cmd) throws Exception {
        return RealNut.run(TIMEOUT, cmd);
    }

    @Test
    void upscPrintsTheDevFileVariables() throws Exception {
        RealNut.Result r = run("upsc", "sim@" + host);
        assertEquals(0, r.exit(), r.err());
        Map<String, String> served = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            int colon = line.indexOf(": ");
            served.put(line.substring(0, colon), line.substring(colon + 2));
        }
        int checked = 0;
        for (String line : Files.readAllLines(DEV)) {
            int colon = line.indexOf(": ");
            if (line.startsWith("#") || colon < 0 || line.startsWith("driver.")) {
                continue;
            }
            String name = line.substring(0, colon);
            assertEquals(line.substring(colon + 2).trim().replaceAll("\\s+", " "), served.get(name), name);
            checked++;
        }
        assertTrue(checked > 35, "checked " + checked + " variables");
        assertEquals("dummy-ups", served.get("driver.name"));
        assertEquals("smart.dev", served.get("driver.parameter.port"));
        assertEquals(Set.of("rec", "sim"), Set.of(run("upsc", "-l", host).out().trim().split("\n")));
    }

    @Test
    void upsrwThroughUpsdChangesOurDriver() throws Exception {
        RealNut.Result r = run("upsrw", "-s", "ups.status=OB LB", "-u", "admin", "-p", "adminpass", "-w", "sim@" + host);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("SUCCESS", r.err().trim(), "upsrw -w prints the tracked result on stderr");
        assertEquals("OB LB", runners.get("sim").state().value("ups.status"));
        Await.until("upsd sees OB LB", TIMEOUT, () -> "OB LB".equals(status("sim")));
        // restore for the other tests
        run("upsrw", "-s", "ups.status=OL", "-u", "admin", "-p", "adminpass", "-w", "sim@" + host);
        assertEquals("OL", runners.get("sim").state().value("ups.status"));
    }

    @Test
    void upsrwListsEveryFileVariableAsWritable() throws Exception {
        RealNut.Result r = run("upsrw", "-l", "sim@" + host);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("[battery.charge]"), r.out());
        assertTrue(r.out().contains("Type: STRING\nMaximum length: 16\nValue: No test initiated\n"), r.out());
        assertTrue(r.out().contains("[ups.load]\nLoad on UPS (percent of full)\nType: NUMBER\nValue: 32.5\n"), r.out());
    }

    @Test
    void upscmdWithTrackingReportsTheDriversResult() throws Exception {
        RealNut.Result unknown = run("upscmd", "-u", "admin", "-p", "adminpass", "-w", "sim@" + host, "load.off");
        // upscmd -w prints the tracked result on stderr
        assertEquals("ERR UNKNOWN", unknown.err().trim(), "dummy-ups reports its only command as unknown, as NUT's does");

        RealNut.Result ok = run("upscmd", "-u", "admin", "-p", "adminpass", "-w", "rec@" + host, "test.battery.start.quick");
        assertEquals("SUCCESS", ok.err().trim());
        RealNut.Result invalid = run("upscmd", "-u", "admin", "-p", "adminpass", "-w", "rec@" + host, "load.off.delay", "soon");
        assertEquals("ERR INVALID-ARGUMENT", invalid.err().trim());
        assertTrue(recording.commands.containsAll(List.of("test.battery.start.quick", "load.off.delay soon")), recording.commands.toString());

        RealNut.Result list = run("upscmd", "-l", "rec@" + host);
        assertTrue(list.out().contains("load.off.delay") && list.out().contains("test.battery.start.quick"), list.out());
    }
}
