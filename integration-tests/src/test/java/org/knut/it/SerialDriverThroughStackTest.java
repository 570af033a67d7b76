package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.knut.driver.megatec.MegatecSimulator;
import org.knut.driver.megatec.MegatecSimulator.Power;
import org.knut.driver.serial.PtyPair;

/**
 * A serial driver end to end: a simulated Megatec/Q1 UPS on a socat pty, our packaged driver-service
 * running blazer_ser on it, our upsd-service serving it, and Debian's real {@code upsc} reading it
 * through a power cut, a low battery, the device vanishing and coming back.
 */
class SerialDriverThroughStackTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private PtyPair pty;
    private MegatecSimulator sim;
    private KnutStack stack;

    @AfterEach
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private Command.Result upsc(String... var) {
        String[] argv = new String[var.length + 2];
        argv[0] = "upsc";
        argv[1] = stack.ups("serial");
        System.arraycopy(var, 0, argv, 2, var.length);
        return Command.check(argv);
    }

    private String status() {
        Command.Result r = upsc("ups.status");
        return r.exitCode() == 0 ? r.stdout().strip() : r.stderr().strip();
    }

    @Test
    void upscFollowsASerialUpsThroughOurStack() throws Exception {
        pty = new PtyPair(dir);
        sim = MegatecSimulator.q1(pty.deviceEnd());
        Path conf = NutConfDir.write(dir.resolve("conf"), Map.of());
        Files.writeString(conf.resolve("ups.conf"), "[serial]\n\tdriver = blazer_ser\n\tport = " + pty.driverEnd()
                + "\n\tpollinterval = 1\n\tdesc = \"simulated Megatec Q1 unit\"\n");
        stack = KnutStack.start(conf);

        Command.Result all = upsc();
        assertEquals(0, all.exitCode(), all.stderr());
        List<String> lines = all.lines();
        for (String expected : List.of("driver.name: blazer_ser", "ups.status: OL", "input.voltage: 230.4", "output.voltage: 229.8",
                "battery.voltage: 27.30", "battery.charge: 100", "input.voltage.nominal: 230", "ups.mfr: KNUT SIM", "ups.model: MEGA-1000",
                "driver.parameter.port: " + pty.driverEnd())) {
            assertTrue(lines.contains(expected), "upsc lacks '" + expected + "' in:\n" + all.stdout());
        }

        sim.power(Power.ON_BATTERY);
        Await.until("upsc shows the power cut", WAIT, () -> status().equals("OB"));
        assertEquals("63", upsc("battery.charge").stdout().strip());
        sim.power(Power.LOW_BATTERY);
        Await.until("upsc shows the low battery", WAIT, () -> status().equals("OB LB"));

        pty.vanish();
        Await.until("upsc reports the vanished device as stale", WAIT, () -> status().contains("Data stale"));
        sim.power(Power.ONLINE);
        pty.plugIn();
        Await.until("upsc shows the device again, back on line", WAIT, () -> status().equals("OL"));
    }
}
