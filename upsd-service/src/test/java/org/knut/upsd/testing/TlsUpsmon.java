package org.knut.upsd.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's real upsmon (NSS build) in the foreground with TLS directives in its upsmon.conf (the shared
 * sandbox script writes none): {@code FORCESSL}, {@code CERTVERIFY} and {@code CERTPATH} (an NSS
 * database). It runs as root in a private mount namespace with its own directory on /run/nut, where
 * upsmon 2.8.0 insists on its pid file, so it never meets another upsmon. Its log (stderr, with -D) is
 * {@link #log()}; {@link #close} kills it by its PID.
 */
public final class TlsUpsmon implements AutoCloseable {
    public static final String BINARY = "/lib/nut/upsmon";

    private final Path dir;
    private final Process process;

    private TlsUpsmon(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Monitors {@code ups@127.0.0.1:port} as a secondary; {@code tlsLines} go into upsmon.conf as they are. */
    public static TlsUpsmon start(Path dir, String ups, int port, String user, String password, List<String> tlsLines)
            throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("upsmon.conf"), String.join("\n",
                "RUN_AS_USER root",
                "MONITOR " + ups + "@127.0.0.1:" + port + " 1 " + user + " " + password + " secondary",
                "MINSUPPLIES 1",
                "SHUTDOWNCMD \"/bin/true\"",
                "POLLFREQ 1",
                "POLLFREQALERT 1",
                String.join("\n", tlsLines)) + "\n");
        ProcessBuilder pb = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" /run/nut && exec \"$@\"", run.toString(), BINARY, "-F", "-D", "-p")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("upsmon.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("NUT_CONFPATH", dir.toString());
        pb.environment().put("NUT_STATEPATH", run.toString());
        return new TlsUpsmon(dir, pb.start());
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("upsmon.log"));
        } catch (IOException e) {
            return "";
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
