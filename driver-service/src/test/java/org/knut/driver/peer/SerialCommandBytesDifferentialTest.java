package org.knut.driver.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.driver.apcsmart.ApcSimulator;
import org.knut.driver.config.DriverConfig;
import org.knut.driver.config.DriverConfigLoader;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.megatec.MegatecSimulator;
import org.knut.driver.megatec.VoltronicSimulator;
import org.knut.driver.runtime.RunnerEnvironment;
import org.knut.driver.runtime.UpsRunner;
import org.knut.driver.serial.DeviceSimulator;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.testing.LineClient;
import org.knut.driver.testing.RealNut;
import org.knut.driver.testing.SerialDrivers;

/**
 * Instant commands and SET sent on the driver socket (as upsd forwards them) to Debian's real serial
 * driver and to ours, one after the other on the same simulated UPS: the UPS must receive the same
 * bytes, and both drivers must report the same tracking result. The poll interval is an hour so that
 * only the commands' own traffic is compared.
 */
class SerialCommandBytesDifferentialTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final RealNut nut = new RealNut();
    private PtyPair pty;
    private DeviceSimulator sim;
    private UpsRunner ours;

    @AfterEach
    void stop() throws Exception {
        if (ours != null) {
            ours.stop();
        }
        nut.close();
        if (sim != null) {
            sim.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    /** What the UPS received for each request, and the tracking result. */
    private record Effect(String request, String result, List<String> received) {
    }

    private List<Effect> real(String driver, List<String> requests) throws Exception {
        Path state = Files.createDirectories(dir.resolve("real"));
        Process p = nut.startDriver(driver, dir, state, "ups");
        try {
            return send(state.resolve(driver + "-ups"), requests);
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    private List<Effect> ours(String driver, List<String> requests) throws Exception {
        Path state = Files.createDirectories(dir.resolve("ours"));
        DriverSettings settings = new DriverSettings(Optional.of(dir.toString()), Optional.of(state.toString()), Optional.empty(),
                OptionalInt.empty(), "127.0.0.1", DriverSettings.DEFAULT_MAX_PENDING_BYTES);
        DriverConfig config = new DriverConfigLoader(SerialDrivers.REGISTRY).load(settings, Map.of());
        ours = new UpsRunner(config.selected().get(0), SerialDrivers.REGISTRY.find(driver), new RunnerEnvironment(dir, state,
                "127.0.0.1", OptionalInt.empty(), DriverSettings.DEFAULT_MAX_PENDING_BYTES, config.retryDelay(), Clock.systemUTC()));
        ours.start();
        return send(state.resolve(driver + "-ups"), requests);
    }

    private List<Effect> send(Path socket, List<String> requests) throws IOException {
        // one connection throughout: NUT 2.8.0's drivers can crash when a client they broadcast to has gone
        Await.until("driver socket " + socket, TIMEOUT, () -> Files.exists(socket));
        List<Effect> out = new ArrayList<>();
        try (LineClient c = LineClient.unix(socket)) {
            assertTrue(c.dump("DUMPALL").stream().anyMatch(l -> l.startsWith("SETINFO ups.status ")));
            int id = 0;
            for (String r : requests) {
                sim.clearReceived();
                String tracking = "TRACKING t" + (++id);
                c.send(r + " " + tracking);
                String line;
                do {
                    line = c.readLine();
                } while (!line.startsWith(tracking + " "));
                // commands the UPS does not answer may still be on their way through the simulator
                Await.until(r + " reaching the UPS", Duration.ofSeconds(5), () -> !sim.received().isEmpty());
                out.add(new Effect(r, line.substring(tracking.length() + 1), sim.received()));
            }
        }
        return out;
    }

    /** Runs the requests through the real driver and through ours, each against a fresh simulator. */
    private List<Effect> compare(String driver, Function<Path, DeviceSimulator> simulator, List<String> requests) throws Exception {
        pty = new PtyPair(dir);
        Files.writeString(dir.resolve("ups.conf"), "[ups]\n\tdriver = " + driver + "\n\tport = " + pty.driverEnd()
                + "\n\tpollinterval = 3600\n");
        sim = simulator.apply(pty.deviceEnd());
        List<Effect> real = real(driver, requests);
        sim.close();
        sim = simulator.apply(pty.deviceEnd());
        assertEquals(real, ours(driver, requests));
        return real;
    }

    @Test
    void blazerSerCommands() throws Exception {
        List<String> requests = List.of("INSTCMD beeper.toggle", "INSTCMD load.off", "INSTCMD load.on", "INSTCMD shutdown.return",
                "INSTCMD shutdown.stayoff", "INSTCMD shutdown.stop", "INSTCMD test.battery.start 5", "INSTCMD test.battery.start.deep",
                "INSTCMD test.battery.start.quick", "INSTCMD test.battery.stop");
        List<Effect> real = compare("blazer_ser", MegatecSimulator::q1, requests);
        assertEquals(List.of("S.5R0003"), real.get(3).received());
    }

    @Test
    void nutdrvQxMegatecCommands() throws Exception {
        List<String> requests = List.of("INSTCMD beeper.toggle", "INSTCMD load.off", "INSTCMD shutdown.return", "INSTCMD shutdown.stayoff",
                "INSTCMD shutdown.stop", "INSTCMD test.battery.start 120", "INSTCMD test.battery.start.deep", "INSTCMD test.battery.stop");
        List<Effect> real = compare("nutdrv_qx", MegatecSimulator::q1, requests);
        assertEquals(List.of("T02"), real.get(5).received());
    }

    @Test
    void nutdrvQxVoltronicCommands() throws Exception {
        List<String> requests = List.of("INSTCMD beeper.toggle", "INSTCMD load.off", "INSTCMD load.on", "INSTCMD shutdown.return",
                "INSTCMD shutdown.stop", "INSTCMD test.battery.start 30", "INSTCMD test.battery.start.quick", "INSTCMD test.battery.stop");
        List<Effect> real = compare("nutdrv_qx", p -> new VoltronicSimulator(p, 1), requests);
        assertEquals(List.of("T.5"), real.get(5).received());
    }

    @Test
    void apcsmartCommandsAndSet() throws Exception {
        List<String> requests = List.of("INSTCMD test.battery.start", "INSTCMD test.panel.start", "INSTCMD test.failure.start",
                "INSTCMD calibrate.start", "INSTCMD calibrate.stop", "INSTCMD load.on", "SET ups.delay.shutdown 180",
                "SET battery.runtime.low 300", "SET ups.id RACK7", "SET input.sensitivity L");
        List<Effect> real = compare("apcsmart", ApcSimulator::new, requests);
        assertEquals(List.of("c", "-RACK7\r\r\r", "c"), real.get(8).received());
    }
}
