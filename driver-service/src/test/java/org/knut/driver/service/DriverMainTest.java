package org.knut.driver.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

import org.junit.jupiter.api.Test;

/**
 * The main class: dump mode with the launcher's settings, and serve mode refusing a bad ups.conf. The
 * test launcher captures Quarkus' log lines with stdout (the packaged service logs to stderr,
 * {@code quarkus.log.console.stderr}); they are recognised by their timestamp and left aside.
 */
@QuarkusMainTest
@TestProfile(DumpProfile.class)
class DriverMainTest {

    @Test
    void dumpModePrintsUpscFormatAndExitsZero(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("driver", "dummy-ups", "-a", "ok", "-d", "1");
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        String out = r.getOutput();
        assertTrue(out.contains("ups.status: OB LB"), out);
        assertTrue(out.contains("battery.charge: 5"), out);
        assertTrue(out.contains("driver.parameter.port: ups.dev"), out);
        for (String line : r.getOutputStream()) {
            assertTrue(isLog(line) || line.matches("[A-Za-z0-9_.-]+: .*"), "only upsc lines on stdout: " + line);
        }
    }

    @Test
    void dumpModeWithoutSectionAndMissingFileFails(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("driver", "dummy-ups", "-x", "port=" + DumpProfile.DIR.resolve("gone.dev"), "-d", "1");
        assertEquals(1, r.exitCode());
        assertTrue(r.getErrorOutput().contains("Can't open dummy-ups definition file"), r.getErrorOutput());
        assertTrue(r.getOutputStream().stream().allMatch(DriverMainTest::isLog), r.getOutput());
    }

    private static boolean isLog(String line) {
        return line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} .*");
    }

    @Test
    void serveModeRefusesABadConfigurationNamingFileAndLine(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch();
        assertEquals(1, r.exitCode());
        assertTrue(r.getErrorOutput().contains(DumpProfile.DIR.resolve("ups.conf") + " line 5: UPS [bad]: unknown driver 'nosuch'"),
                r.getErrorOutput());
    }

    @Test
    void theSerialDriversAreRegisteredAndAMissingPortIsNamed(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("driver", "nosuch", "-x", "port=x");
        assertEquals(2, r.exitCode());
        assertTrue(r.getErrorOutput().contains("this service has: apcsmart, blazer_ser, dummy-ups, esupssmart, fentonups, genericups, "
                + "ippon, mustek, nutdrv_qx, powermust"), r.getErrorOutput());
        r = launcher.launch("driver", "blazer_ser", "-x", "port=/nonexistent/ttyS9", "-d", "1");
        assertEquals(1, r.exitCode());
        assertTrue(r.getErrorOutput().contains("blazer_ser: Unable to open /nonexistent/ttyS9: No such file or directory"),
                r.getErrorOutput());
    }

    @Test
    void unexpectedArgumentsAreAUsageError(QuarkusMainLauncher launcher) {
        assertEquals(2, launcher.launch("serve", "now").exitCode());
    }
}
