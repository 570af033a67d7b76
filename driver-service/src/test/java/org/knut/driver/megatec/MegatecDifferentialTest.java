package org.knut.driver.megatec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.driver.megatec.MegatecSimulator.Power;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.testing.Closer;
import org.knut.driver.testing.DumpModes;
import org.knut.driver.testing.SerialDrivers;

/**
 * Our blazer_ser against Debian's real one (NUT 2.8.0), both in dump mode ({@code -a ups -d 1}) on
 * the same simulated UPS, one after the other (each locks the port): the same variables with the
 * same values, except the {@code driver.version} lines that name the implementation.
 */
class MegatecDifferentialTest {
    @TempDir
    Path dir;

    private PtyPair pty;
    private MegatecSimulator sim;

    @AfterEach
    void stop() throws Exception {
        Closer.close(sim, pty);
    }

    private void compare(MegatecSimulator simulator, Consumer<MegatecSimulator> situation, String... settings) throws Exception {
        sim = simulator;
        situation.accept(sim);
        StringBuilder conf = new StringBuilder("[ups]\n\tdriver = blazer_ser\n\tport = " + pty.driverEnd() + "\n\tpollinterval = 1\n");
        for (String s : settings) {
            conf.append('\t').append(s).append('\n');
        }
        Files.writeString(dir.resolve("ups.conf"), conf);
        List<String> real = DumpModes.real("blazer_ser", dir, "ups");
        List<String> ours = DumpModes.ours(SerialDrivers.REGISTRY, "blazer_ser", dir, "ups");
        assertEquals(real, ours);
        assertTrue(ours.size() > 20, "a real dump: " + ours);
    }

    private MegatecSimulator q1() throws IOException {
        pty = new PtyPair(dir);
        return MegatecSimulator.q1(pty.deviceEnd());
    }

    @Test
    void online() throws Exception {
        compare(q1(), s -> s.power(Power.ONLINE));
    }

    @Test
    void onBattery() throws Exception {
        compare(q1(), s -> s.power(Power.ON_BATTERY));
    }

    @Test
    void lowBatteryWithAFailedSelfTest() throws Exception {
        compare(q1(), s -> {
            s.power(Power.LOW_BATTERY);
            s.failed(true);
        });
    }

    @Test
    void boostAndConfiguredDelaysAndVoltages() throws Exception {
        compare(q1(), s -> s.power(Power.BOOST), "ondelay = 0", "offdelay = 100", "default.battery.voltage.high = 27.0",
                "default.battery.voltage.low = 22.0");
    }

    @Test
    void trimWithRuntimeCalibration() throws Exception {
        compare(q1(), s -> s.power(Power.TRIM), "runtimecal = 240,100,720,50", "chargetime = 28800", "idleload = 5");
    }

    @Test
    void perCellBatteryVoltage() throws Exception {
        pty = new PtyPair(dir);
        compare(new MegatecSimulator(pty.deviceEnd(), Set.of("Q1"), true, false), s -> s.power(Power.ON_BATTERY));
    }

    @Test
    void mustekQsUnitFoundByAutodetection() throws Exception {
        pty = new PtyPair(dir);
        compare(new MegatecSimulator(pty.deviceEnd(), Set.of("QS"), false, false), s -> s.power(Power.ONLINE));
    }

    @Test
    void oldProtocolWithoutRatingsOrVendor() throws Exception {
        pty = new PtyPair(dir);
        compare(new MegatecSimulator(pty.deviceEnd(), Set.of("D"), false, false), s -> s.power(Power.ONLINE), "protocol = megatec/old",
                "norating", "novendor", "default.battery.voltage.high = 27.0", "default.battery.voltage.low = 22.0");
    }
}
