package org.knut.driver.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's real NUT 2.8.0 programs as reference peers: daemons in the foreground ({@code -D}) so
 * that the {@link Process} is the daemon and can be stopped by its PID, with NUT_CONFPATH,
 * NUT_STATEPATH and NUT_ALTPIDPATH pointing into a test directory.
 */
public final class RealNut implements AutoCloseable {
    public static final Path DUMMY_UPS = Path.of("/lib/nut/dummy-ups");
    /** The daemon itself: /usr/sbin/upsd is a wrapper that refuses to run unless nut.conf enables it. */
    public static final Path UPSD = Path.of("/lib/nut/upsd");

    private final List<Process> processes = new ArrayList<>();

    public RealNut() {
        assertTrue(Files.isExecutable(DUMMY_UPS) && Files.isExecutable(UPSD),
                "the real NUT programs are needed: apt-get install nut-server nut-client");
    }

    /** Real dummy-ups for section {@code ups} of {@code confDir}/ups.conf, socket in {@code stateDir}. */
    public Process startDummyUps(Path confDir, Path stateDir, String ups) throws IOException {
        return start(confDir, stateDir, "dummy-ups-" + ups, DUMMY_UPS.toString(), "-a", ups, "-D", "-u", "root");
    }

    /** A real driver ({@code /lib/nut/<driver>}) for section {@code ups} in the foreground, socket in {@code stateDir}. */
    public Process startDriver(String driver, Path confDir, Path stateDir, String ups) throws IOException {
        return start(confDir, stateDir, driver + "-" + ups, "/lib/nut/" + driver, "-a", ups, "-D", "-u", "root");
    }

    /** Real upsd with the configuration in {@code confDir}, reading driver sockets from {@code stateDir}. */
    public Process startUpsd(Path confDir, Path stateDir) throws IOException {
        return start(confDir, stateDir, "upsd", UPSD.toString(), "-D", "-u", "root");
    }

    private Process start(Path confDir, Path stateDir, String logName, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        env(pb.environment(), confDir, stateDir);
        pb.redirectErrorStream(true);
        pb.redirectOutput(confDir.resolve(logName + ".log").toFile());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void env(Map<String, String> env, Path confDir, Path stateDir) {
        env.put("NUT_CONFPATH", confDir.toString());
        env.put("NUT_STATEPATH", stateDir.toString());
        env.put("NUT_ALTPIDPATH", stateDir.toString());
    }

    /** Writes upsd.conf (LISTEN 127.0.0.1 port) and upsd.users (admin/adminpass may do everything). */
    public static void writeUpsdConfig(Path confDir, int port) throws IOException {
        Files.writeString(confDir.resolve("upsd.conf"), "LISTEN 127.0.0.1 " + port + "\nMAXAGE 15\n");
        Path users = confDir.resolve("upsd.users");
        Files.writeString(users, "[admin]\n\tpassword = adminpass\n\tactions = SET FSD\n\tinstcmds = ALL\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
    }

    /** What a client program printed. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs a NUT client program to completion (killed by its PID after the timeout). */
    public static Result run(Duration timeout, String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("knut-out", ".txt");
        Path err = Files.createTempFile("knut-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeout);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Stops every started daemon by its PID: TERM, then KILL if it lingers. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        processes.clear();
    }
}
