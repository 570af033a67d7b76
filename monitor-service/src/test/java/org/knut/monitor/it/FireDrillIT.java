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
        // the sandbox's UPS says LB below battery.charge.low 10 %: reached at +3240 s, polled then; FINALDELAY 5 s, 30 s to power off
        String safe = drill(0);
        assertTrue(safe.contains("at the cut battery.charge 100 %, battery.runtime 3600 s, drained linearly; LB below battery.charge.low 10 %"),
                safe);
        assertTrue(safe.matches("(?s).*\\s1\\s+\\S+\\s+primary\\s+\\+3240 s\\s+\\+3245 s\\s+0s\\s+30s\\s+\\+3275 s\\s+325 s"
                + "\\s.*on battery and low battery \\(OB LB\\).*"), safe);
        assertTrue(safe.contains("verdict: SAFE: all 1 node(s) are down by +3275 s, the closest 325 s before its battery runs out"), safe);
        assertEquals(0, RealNut.numLogins(nut), "the drill reads, it does not log in");

        // without low-battery marks the UPS says LB only when empty: too late for this host
        RealNut.set(nut, "battery.charge.low", "0");
        RealNut.set(nut, "battery.runtime.low", "0");
        String late = drill(3);
        assertTrue(late.matches("(?s).*verdict: NOT SAFE: \\S+ \\(down at \\+3635 s, battery empty at \\+3600 s\\).*"), late);
    }
}
