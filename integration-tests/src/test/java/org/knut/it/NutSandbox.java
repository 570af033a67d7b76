package org.knut.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's real NUT (upsd + C dummy-ups, or upsmon) run by the shared nut-sandbox script. */
final class NutSandbox implements AutoCloseable {
    final Path dir;
    final int port;

    private NutSandbox(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts real upsd with one real dummy-ups per entry of {@code devs} (UPS name to .dev file). */
    static NutSandbox start(Path dir, Map<String, Path> devs) {
        int port = Ports.free();
        List<String> cmd = new ArrayList<>(List.of(Paths.sandboxScript().toString(), "start", dir.toString(),
                Integer.toString(port)));
        devs.forEach((name, file) -> cmd.add(name + "=" + file));
        NutSandbox s = new NutSandbox(dir, port);
        Command.Result r = Command.run(cmd);
        if (r.exit() != 0) {
            s.close();
            throw new AssertionError("nut-sandbox start failed: " + r.stdout() + r.stderr());
        }
        return s;
    }

    /**
     * Runs the real upsmon in {@code monDir} against {@code ups@127.0.0.1:port} with the given role;
     * {@code env} sets POLLFREQ, HOSTSYNC, MONUSER and the like (see the sandbox's README).
     */
    static NutSandbox upsmon(Path monDir, String ups, int port, String role, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(Paths.sandboxScript().toString(), "upsmon", monDir.toString(),
                "127.0.0.1:" + port, ups, role).redirectErrorStream(true);
        pb.environment().putAll(env);
        NutSandbox s = new NutSandbox(monDir, port);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                s.close();
                throw new AssertionError("nut-sandbox upsmon failed: " + out);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return s;
    }

    String ups(String name) {
        return name + "@127.0.0.1:" + port;
    }

    @Override
    public void close() {
        Command.run(Paths.sandboxScript().toString(), "stop", dir.toString());
    }
}
