package org.knut.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.NutSandbox;

/** {@code quarkus-run.jar fire-drill -c upsmon.conf} on a bare host, against real NUT's upsd and dummy-ups. */
class FireDrillIT {
    @TempDir
    Path dir;

    NutSandbox nut;

    @BeforeEach
    void startNut() throws Exception {
        nut = NutSandbox.start();
    }

    @AfterEach
    void stopNut() throws Exception {
        nut.close();
    }

    String drill(int expectedExit) throws Exception {
        Path run = dir.resolve("run" + System.nanoTime());
        java.nio.file.Files.createDirectories(run);
        try (MonitorProcess p = MonitorProcess.start(run, "MONITOR " + nut.ups("demo") + " 1 " + NutSandbox.MONUSER + " "
                + NutSandbox.MONUSER_PASSWORD + " primary\nPOLLFREQ 5\nFINALDELAY 5\n", "fire-drill")) {
            assertEquals(expectedExit, p.awaitExit(Duration.ofSeconds(60)), p.logText());
            assertFalse(p.shutDown(), "a drill shuts nothing down");
            return p.logText();
        }
    }

    @Test
    void reportsWhenThisHostWouldBeDownAndWhetherThatIsInTime() throws Exception {
        String late = drill(3);
        assertTrue(late.contains("battery.charge 100 %, battery.runtime 3600 s"), late);
        assertTrue(late.contains("the UPS reports neither battery.charge.low nor battery.runtime.low: LB only when empty"), late);
        assertTrue(late.contains("verdict: NOT SAFE: "), late);
        assertEquals(0, RealNut.numLogins(nut), "the drill reads, it does not log in");

        RealNut.set(nut, "battery.charge.low", "20");
        String safe = drill(0);
        assertTrue(safe.contains("LB below battery.charge.low 20 %"), safe);
        // LB once the charge is below 20 %: at the poll of +2885 s; FINALDELAY 5 s, then 30 s to power off
        assertTrue(safe.matches("(?s).*\\s1\\s+\\S+\\s+primary\\s+\\+2885 s\\s+\\+2890 s\\s+0s\\s+30s\\s+\\+2920 s\\s+680 s"
                + "\\s.*on battery and low battery \\(OB LB\\).*"), safe);
        assertTrue(safe.contains("verdict: SAFE: all 1 node(s) are down by +2920 s, the closest 680 s before its battery runs out"), safe);
    }
}
