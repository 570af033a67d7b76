package org.knut.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's real upsmon, run by the shared {@code nut-sandbox} script in a temporary directory against
 * any NUT server. Its NOTIFYCMD appends to {@link #notifyLog()}, its SHUTDOWNCMD only writes
 * {@link #shutdownMarker()}. {@link #close} stops it by the PIDs in its pidfile.
 */
public final class UpsmonSandbox implements AutoCloseable {
    private final Path dir;

    private UpsmonSandbox(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts upsmon monitoring {@code ups@127.0.0.1:port} as {@code role} (primary or secondary);
     * {@code env} may set POLLFREQ, POLLFREQALERT, DEADTIME, HOSTSYNC, FINALDELAY, MONUSER, MONPASS.
     */
    public static UpsmonSandbox start(String ups, int port, String role, Map<String, String> env) throws IOException {
        Path dir = Files.createTempDirectory("upsmon-sandbox");
        UpsmonSandbox s = new UpsmonSandbox(dir);
        ProcessBuilder pb = new ProcessBuilder(NutSandbox.SCRIPT.toString(), "upsmon", dir.toString(),
                "127.0.0.1:" + port, ups, role).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException("nut-sandbox upsmon failed: " + out);
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
            throw new IOException("interrupted starting upsmon", e);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public Path notifyLog() {
        return dir.resolve("notify.log");
    }

    public Path shutdownMarker() {
        return dir.resolve("shutdown.marker");
    }

    /** The notify log so far (empty before the first notification). */
    public String notifications() {
        try {
            return Files.exists(notifyLog()) ? Files.readString(notifyLog()) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public void awaitShutdown(Duration timeout) {
        Await.until("upsmon's SHUTDOWNCMD", timeout, () -> Files.exists(shutdownMarker()));
    }

    @Override
    public void close() throws IOException {
        Command.Result r = Command.run(List.of(NutSandbox.SCRIPT.toString(), "stop", dir.toString()));
        if (r.exitCode() != 0) {
            throw new IOException("nut-sandbox stop failed: " + r);
        }
    }
}
