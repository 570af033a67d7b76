package org.knut.driver.usbhid;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.Ports;
import org.knut.driver.config.DriverConfig;
import org.knut.driver.config.DriverConfigLoader;
import org.knut.driver.config.DriverSection;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.runtime.RunnerEnvironment;
import org.knut.driver.runtime.UpsRunner;
import org.knut.driver.spi.DriverRegistry;
import org.knut.driver.testing.RealNut;

/**
 * usbhid-ups as the service runs it (its runner polling a simulated Back-UPS ES on its own clock, its
 * driver socket) served by Debian's real upsd: the real upsc shows the right status through a power
 * cut, low battery, an unplugged device and its return.
 */
class UsbHidThroughUpsdTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final RealNut nut = new RealNut();
    private UpsRunner runner;
    private String ups;

    @AfterEach
    void stop() throws InterruptedException {
        nut.close();
        if (runner != null) {
            runner.stop();
        }
    }

    @Test
    void upscFollowsThePowerCutAndTheUnplug() throws Exception {
        SimulatedHidDevice device = Simulation.load("apc-back-ups-es-700.sim");
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("ups.conf"), """
                [es]
                \tdriver = usbhid-ups
                \tport = auto
                \tvendorid = 051d
                \tpollinterval = 1
                """);
        int port = Ports.free();
        ups = "es@127.0.0.1:" + port;
        RealNut.writeUpsdConfig(dir, port);
        DriverRegistry registry = new DriverRegistry(List.of(new UsbHidUpsFactory(new SimulatedOpener(device))));
        DriverSettings settings = new DriverSettings(Optional.of(dir.toString()), Optional.of(state.toString()), Optional.empty(),
                OptionalInt.empty(), "127.0.0.1", DriverSettings.DEFAULT_MAX_PENDING_BYTES);
        DriverConfig config = new DriverConfigLoader(registry).load(settings, Map.of());
        RunnerEnvironment env = new RunnerEnvironment(dir, state, "127.0.0.1", OptionalInt.empty(),
                DriverSettings.DEFAULT_MAX_PENDING_BYTES, config.retryDelay(), Clock.systemUTC());
        DriverSection section = config.selected().get(0);
        runner = new UpsRunner(section, registry.find(section.driver()), env);
        runner.start();
        Await.until("our usbhid-ups", WAIT, runner::ready);
        nut.startUpsd(dir, state);

        awaitUpsc("on line", "OL OFF");
        device.feature("UPS.PowerSummary.ff860060", 8); // APCStatusFlag: normal operation
        device.feature("UPS.PowerSummary.ACPresent", 0).feature("UPS.PowerSummary.Discharging", 1);
        awaitUpsc("on battery", "OB DISCHRG");
        device.feature("UPS.PowerSummary.BelowRemainingCapacityLimit", 1).feature("UPS.PowerSummary.RemainingCapacity", 8);
        awaitUpsc("low battery", "OB DISCHRG LB");

        device.unplug();
        Await.until("upsc says the data is stale", WAIT, () -> upsc().err().contains("Data stale"));
        device.plugIn();
        device.feature("UPS.PowerSummary.ACPresent", 1).feature("UPS.PowerSummary.Discharging", 0)
                .feature("UPS.PowerSummary.Charging", 1).feature("UPS.PowerSummary.BelowRemainingCapacityLimit", 0);
        awaitUpsc("back on line after the replug", "OL CHRG");
    }

    private RealNut.Result upsc() {
        try {
            return RealNut.run(WAIT, "upsc", ups, "ups.status");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void awaitUpsc(String what, String status) {
        Await.until(what + ": upsc shows " + status + " (last: " + upsc() + ")", WAIT, () -> {
            RealNut.Result r = upsc();
            return r.exit() == 0 && r.out().trim().equals(status);
        });
    }
}
