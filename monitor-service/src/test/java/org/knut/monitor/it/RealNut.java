package org.knut.monitor.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.knut.core.client.NutClient;
import org.knut.core.testing.Command;
import org.knut.core.testing.NutSandbox;

/** What the tests do to the real NUT of a {@link NutSandbox}, through the shared nut-sandbox script. */
final class RealNut {
    private RealNut() {
    }

    /**
     * {@code nut-sandbox set}: changes a variable of UPS demo and returns once upsd serves it. The script
     * waits for the exact value; a primary upsmon may already have latched FSD on top of a new status,
     * which counts as served too.
     */
    static void set(NutSandbox sb, String var, String value) throws IOException {
        List<String> argv = new ArrayList<>(List.of(NutSandbox.SCRIPT.toString(), "set", sb.dir().toString(), "demo", var));
        argv.addAll(List.of(value.split(" ")));
        Command.Result r = Command.run(argv);
        if (r.exitCode() != 0 && !(var.equals("ups.status") && statusHas(sb, value))) {
            check(r, "set " + var);
        }
    }

    private static boolean statusHas(NutSandbox sb, String words) {
        try (NutClient c = sb.client()) {
            return List.of(c.get("demo", "ups.status").split(" ")).containsAll(List.of(words.split(" ")));
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops upsd and the driver (by their pidfiles), as a crash or an upgrade would. */
    static void stop(NutSandbox sb) throws IOException {
        check(Command.run(List.of(NutSandbox.SCRIPT.toString(), "stop", sb.dir().toString())), "stop");
    }

    /** Starts upsd and the driver again on the same port, with a fresh online UPS. */
    static void start(NutSandbox sb) throws IOException {
        check(Command.run(List.of(NutSandbox.SCRIPT.toString(), "start", sb.dir().toString(), Integer.toString(sb.port())), "",
                Duration.ofSeconds(60)), "start");
    }

    /**
     * Runs Debian's real upsmon in the sandbox directory (the sandbox's stop ends it), monitoring demo with
     * {@code role}; {@code env} sets POLLFREQ, HOSTSYNC and the like. Its notify.log and shutdown.marker are
     * in the sandbox directory.
     */
    static void upsmon(NutSandbox sb, String role, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(NutSandbox.SCRIPT.toString(), "upsmon", sb.dir().toString(), sb.hostPort(), "demo", role)
                .redirectErrorStream(true).redirectOutput(sb.dir().resolve("upsmon-start.log").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("nut-sandbox upsmon did not return");
        }
        if (p.exitValue() != 0) {
            throw new IOException("nut-sandbox upsmon failed: " + Files.readString(sb.dir().resolve("upsmon-start.log")));
        }
    }

    /** upsd's NUMLOGINS for demo, or -1 while upsd does not answer. */
    static int numLogins(NutSandbox sb) {
        try (NutClient c = sb.client()) {
            return c.numLogins("demo");
        } catch (Exception e) {
            return -1;
        }
    }

    /** The real upsmon's notify.log lines as {@code [epoch, iso, TYPE, UPSNAME, message]}. */
    static List<String[]> upsmonNotices(NutSandbox sb) throws IOException {
        Path log = sb.dir().resolve("notify.log");
        List<String[]> out = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                out.add(line.split(" ", 5));
            }
        }
        return out;
    }

    private static void check(Command.Result r, String what) throws IOException {
        if (r.exitCode() != 0) {
            throw new IOException("nut-sandbox " + what + " failed: " + r);
        }
    }
}
