package org.knut.upsd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real NUT 2.8 upsd with real dummy-ups drivers, run by the shared {@code nut-sandbox} script in a
 * directory on a free port: the reference our answers are compared with. Its users are
 * admin/adminpass (SET FSD, every command) and monuser/monpass (upsmon primary). {@link #close} stops
 * what the script started, by the PIDs in its pidfiles.
 */
public final class NutSandbox implements AutoCloseable {
    public static final Path SCRIPT = Path.of(System.getenv().getOrDefault("NUT_SANDBOX", "/work/shared/peers/nut-sandbox"));

    private final Path dir;
    private final int port;

    private NutSandbox(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts one dummy-ups per entry (UPS name to .dev file) and upsd; returns once upsd serves them. */
    public static NutSandbox start(Path dir, Map<String, Path> devs) {
        NutSandbox sb = new NutSandbox(dir, Ports.free());
        List<String> argv = new ArrayList<>(List.of(SCRIPT.toString(), "start", dir.toString(), Integer.toString(sb.port)));
        devs.forEach((name, dev) -> argv.add(name + "=" + dev));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        if (r.exitCode() != 0) {
            sb.close();
            throw new AssertionError("nut-sandbox start failed: " + r);
        }
        return sb;
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** Where the sandbox's drivers put their sockets. */
    public Path state() {
        return dir.resolve("state");
    }

    public String ups(String name) {
        return name + "@127.0.0.1:" + port;
    }

    /** Appends a UPS section (driver {@code driver}, socket {@code <state>/<driver>-<name>}) and reloads upsd. */
    public void addUps(String name, String driver, String desc) {
        try {
            Path upsConf = dir.resolve("ups.conf");
            Files.writeString(upsConf, Files.readString(upsConf)
                    + "[" + name + "]\n\tdriver = " + driver + "\n\tport = none\n\tdesc = \"" + desc + "\"\n\n");
            String pid = Files.readString(state().resolve("upsd.pid")).trim();
            Cli.Result r = Cli.run("kill", "-HUP", pid);
            if (r.exitCode() != 0) {
                throw new AssertionError("cannot reload upsd: " + r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Cli.Result r = Cli.run(SCRIPT.toString(), "stop", dir.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("nut-sandbox stop failed: " + r);
        }
    }
}
