package org.knut.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.client.NutClient;
import org.knut.core.model.UpsState;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;

/**
 * A real NUT 2.8 upsd with a dummy-ups driver, run by the shared {@code nut-sandbox} script in a
 * temporary directory on a free port of 127.0.0.1. The UPS {@code demo} is the sandbox's default
 * online UPS; {@link #addFakeUps} adds UPSes served by a {@link FakeDriver}. {@link #close} stops
 * every daemon the sandbox started (by the PIDs in its pidfiles) and removes the directory.
 */
public final class NutSandbox implements AutoCloseable {
    public static final Path SCRIPT = SharedDir.resolve("peers/nut-sandbox");
    /** upsd.users of the sandbox: SET, FSD and every instant command. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "adminpass";
    /** upsd.users of the sandbox: {@code upsmon primary}. */
    public static final String MONUSER = "monuser";
    public static final String MONUSER_PASSWORD = "monpass";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final List<FakeDriver> fakes = new ArrayList<>();

    private NutSandbox(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static NutSandbox start() throws IOException {
        return start(java.util.Map.of());
    }

    /** Starts upsd with one real dummy-ups per entry of {@code devs} (UPS name to the .dev/.seq file it replays). */
    public static NutSandbox start(java.util.Map<String, Path> devs) throws IOException {
        Path dir = Files.createTempDirectory("nut-sandbox");
        NutSandbox sb = new NutSandbox(dir, Ports.free());
        List<String> argv = new ArrayList<>(List.of(SCRIPT.toString(), "start", dir.toString(), Integer.toString(sb.port)));
        devs.forEach((name, file) -> argv.add(name + "=" + file));
        try {
            Command.Result r = Command.run(argv, "", START_TIMEOUT);
            if (r.exitCode() != 0) {
                throw new IOException("nut-sandbox start failed: " + r);
            }
            return sb;
        } catch (IOException | RuntimeException e) {
            sb.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}, the form {@code upsc -l} takes. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** {@code <name>@127.0.0.1:<port>}, the form NUT's clients take. */
    public String ups(String name) {
        return name + "@" + hostPort();
    }

    public NutClient client() throws IOException {
        return NutClient.connect("127.0.0.1", port);
    }

    /**
     * Adds UPS {@code name} to the running upsd, served by a {@link FakeDriver} over {@code state}: the
     * section is appended to ups.conf, the driver socket bound where upsd looks for it, and upsd told to
     * reload (SIGHUP). Returns once upsd serves the UPS's {@code ups.status}, which the state must have.
     */
    public FakeDriver addFakeUps(String name, String desc, UpsState state) throws IOException {
        FakeDriver driver = new FakeDriver(dir.resolve("state").resolve("knutfake-" + name), state);
        fakes.add(driver);
        configureUps(name, desc);
        Await.until("upsd to serve " + name, Duration.ofSeconds(15), () -> answers(name, null));
        return driver;
    }

    /** Adds UPS {@code name} with no driver behind it: upsd answers DRIVER-NOT-CONNECTED for it. */
    public void addUpsWithoutDriver(String name) throws IOException {
        configureUps(name, "no driver");
        Await.until("upsd to know " + name, Duration.ofSeconds(15), () -> answers(name, NutError.DRIVER_NOT_CONNECTED));
    }

    private void configureUps(String name, String desc) throws IOException {
        Files.writeString(dir.resolve("ups.conf"), Files.readString(dir.resolve("ups.conf"))
                + "[" + name + "]\n\tdriver = knutfake\n\tport = none\n\tdesc = \"" + desc + "\"\n\n");
        String upsdPid = Files.readString(dir.resolve("state/upsd.pid")).trim();
        Command.Result hup = Command.run(List.of("kill", "-HUP", upsdPid));
        if (hup.exitCode() != 0) {
            throw new IOException("cannot signal upsd: " + hup);
        }
    }

    /** Whether {@code GET VAR name ups.status} answers a value (error null) or that error. */
    private boolean answers(String name, NutError error) {
        try (NutClient c = client()) {
            c.get(name, "ups.status");
            return error == null;
        } catch (NutException e) {
            return e.error() == error;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        for (FakeDriver f : fakes) {
            f.close();
        }
        try {
            Command.Result r = Command.run(List.of(SCRIPT.toString(), "stop", dir.toString()));
            if (r.exitCode() != 0) {
                throw new IOException("nut-sandbox stop failed: " + r);
            }
        } finally {
            TempTree.delete(dir);
        }
    }
}
