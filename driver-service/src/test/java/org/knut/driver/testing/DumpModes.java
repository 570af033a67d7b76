package org.knut.driver.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.knut.driver.app.DumpCommand;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.spi.DriverRegistry;

/**
 * A driver's dump mode ({@code -a <ups> -d 1}) run two ways on the ups.conf of one directory:
 * Debian's real C driver, and ours. Both give {@code upsc}-style lines; {@code driver.version} and
 * {@code driver.version.internal} name the implementation and are left out, while
 * {@code driver.version.data} (a subdriver's or mapping table's name and version) is compared.
 */
public final class DumpModes {
    private DumpModes() {
    }

    /** The real driver's variables (it is killed by its PID if it does not finish). */
    public static List<String> real(String driver, Path confDir, String ups) throws IOException, InterruptedException {
        Path program = Path.of("/lib/nut", driver);
        assertTrue(Files.isExecutable(program), "Debian's nut-server is needed for " + program);
        ProcessBuilder pb = new ProcessBuilder(program.toString(), "-a", ups, "-d", "1", "-u", "root");
        pb.environment().put("NUT_CONFPATH", confDir.toString());
        pb.environment().put("NUT_STATEPATH", confDir.toString());
        Path err = confDir.resolve(driver + ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the real driver finished");
            assertEquals(0, p.exitValue(), out + Files.readString(err));
            return variables(out);
        } finally {
            p.destroyForcibly();
        }
    }

    /** The {@code name: value} lines of a real driver's dump but those naming the implementation. */
    public static List<String> variables(String dump) {
        // its banner lines (driver, sub-driver table) are no "name: value" lines
        return Arrays.stream(dump.split("\n")).filter(l -> l.matches("[^ :]+: .*") && !namesImplementation(l)).toList();
    }

    private static boolean namesImplementation(String line) {
        return line.startsWith("driver.version") && !line.startsWith("driver.version.data");
    }

    /** Runs the real driver in dump mode where it must refuse to start: exit code 1; returns what it printed. */
    public static String realRefusal(String driver, Path confDir, String ups) throws IOException, InterruptedException {
        Path program = Path.of("/lib/nut", driver);
        assertTrue(Files.isExecutable(program), "Debian's nut-server is needed for " + program);
        ProcessBuilder pb = new ProcessBuilder(program.toString(), "-a", ups, "-d", "1", "-u", "root").redirectErrorStream(true);
        pb.environment().put("NUT_CONFPATH", confDir.toString());
        pb.environment().put("NUT_STATEPATH", confDir.toString());
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the real driver finished");
            assertEquals(1, p.exitValue(), out);
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    /** Our driver's variables, through the same dump command the service runs. */
    public static List<String> ours(DriverRegistry registry, String driver, Path confDir, String ups) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new DumpCommand(registry, DriverSettings.forConfDir(Optional.of(confDir.toString())), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(driver, "-a", ups, "-d", "1"));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !namesImplementation(l)).toList();
    }
}
