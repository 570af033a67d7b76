package org.knut.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.knut.core.client.NutClient;

/**
 * Debian's real NUT 2.8 upsd ({@code /lib/nut/upsd -F}, in the foreground so that the process is the
 * daemon and is stopped by its PID) serving whatever driver sockets a state directory holds: knut's
 * drivers, or real ones. It gets a configuration directory of its own: a copy of the given ups.conf
 * (upsd takes the UPS names, drivers and descriptions from it), upsd.conf listening on a free port of
 * 127.0.0.1, and the given upsd.users.
 */
public final class RealUpsd implements AutoCloseable {
    /** The daemon itself: /usr/sbin/upsd is a wrapper that refuses to run unless nut.conf enables it. */
    public static final Path BINARY = Path.of("/lib/nut/upsd");

    private final Process process;
    private final Path dir;
    private final int port;

    private RealUpsd(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts upsd on the UPSes of {@code upsConf} with their sockets in {@code stateDir}, its files and
     * log ({@code upsd.log}) in {@code dir}; returns once it accepts connections.
     */
    public static RealUpsd start(Path upsConf, Path stateDir, Path dir, String upsdUsers) throws IOException {
        return start(upsConf, stateDir, dir, upsdUsers, "");
    }

    /** As {@link #start(Path, Path, Path, String)}, with {@code moreUpsdConf} appended to its upsd.conf. */
    public static RealUpsd start(Path upsConf, Path stateDir, Path dir, String upsdUsers, String moreUpsdConf)
            throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install nut-server");
        }
        Files.createDirectories(dir);
        int port = Ports.free();
        Files.copy(upsConf, dir.resolve("ups.conf"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("upsd.conf"), "LISTEN 127.0.0.1 " + port + "\nMAXAGE 15\n" + moreUpsdConf);
        Path users = Files.writeString(dir.resolve("upsd.users"), upsdUsers);
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------")); // upsd refuses others
        List<String> argv = new ArrayList<>(List.of(BINARY.toString(), "-F"));
        if ("root".equals(System.getProperty("user.name"))) {
            argv.addAll(List.of("-u", "root")); // no drop to user nut, who may not reach the test's directories
        }
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(dir.resolve("upsd.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("NUT_CONFPATH", dir.toString());
        pb.environment().put("NUT_STATEPATH", stateDir.toString());
        pb.environment().put("NUT_ALTPIDPATH", dir.toString());
        RealUpsd upsd = new RealUpsd(pb.start(), dir, port);
        try {
            Await.until("real upsd on port " + port + " (log " + dir.resolve("upsd.log") + ")", Duration.ofSeconds(20),
                    upsd::listening);
            return upsd;
        } catch (RuntimeException | Error e) {
            upsd.close();
            throw e;
        }
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new AssertionError("real upsd exited; see " + dir.resolve("upsd.log"));
        }
        try (NutClient c = NutClient.connect("127.0.0.1", port, Duration.ofSeconds(2))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** {@code <name>@127.0.0.1:<port>}, the form NUT's clients take. */
    public String ups(String name) {
        return name + "@127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** TERM, then KILL if it lingers. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
