package org.knut.driver.apcsmart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.driver.apcsmart.ApcSimulator.Power;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.testing.Closer;
import org.knut.driver.testing.DumpModes;
import org.knut.driver.testing.SerialDrivers;

/**
 * Our apcsmart against Debian's real one (NUT 2.8.0), both in dump mode on the same simulated
 * Smart-UPS, one after the other: the same variables and values (discovered variables, enumerations
 * and conversions), except the {@code driver.version} lines that name the implementation.
 */
class ApcSmartDifferentialTest {
    @TempDir
    Path dir;

    private PtyPair pty;
    private ApcSimulator sim;

    @AfterEach
    void stop() throws Exception {
        Closer.close(sim, pty);
    }

    private void compare(Power power) throws Exception {
        pty = new PtyPair(dir);
        sim = new ApcSimulator(pty.deviceEnd());
        sim.power(power);
        Files.writeString(dir.resolve("ups.conf"), "[ups]\n\tdriver = apcsmart\n\tport = " + pty.driverEnd() + "\n\tpollinterval = 1\n");
        List<String> real = DumpModes.real("apcsmart", dir, "ups");
        List<String> ours = DumpModes.ours(SerialDrivers.REGISTRY, "apcsmart", dir, "ups");
        assertEquals(real, ours);
        assertTrue(ours.size() > 30, "a real dump: " + ours);
    }

    @Test
    void online() throws Exception {
        compare(Power.ONLINE);
    }

    @Test
    void lowBattery() throws Exception {
        compare(Power.LOW_BATTERY);
    }
}
