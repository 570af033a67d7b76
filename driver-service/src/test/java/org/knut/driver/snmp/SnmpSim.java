package org.knut.driver.snmp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.knut.core.testing.Await;
import org.snmp4j.mp.SnmpConstants;

/**
 * Debian's snmpsim ({@code snmpsimd}) serving {@code .snmprec} recordings on a free UDP port of
 * 127.0.0.1; the community of a recording is its file name without {@code .snmprec}. snmpsimd refuses
 * to run as root, so it drops to nobody; the process is stopped by its PID.
 */
final class SnmpSim implements AutoCloseable {
    static final Path SNMPSIMD = Path.of("/usr/bin/snmpsimd");

    private final Process process;
    private final int port;

    private SnmpSim(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Serves the recordings (copied into {@code work}, which with its parent becomes readable by the
     * unprivileged simulator) and waits until the first one answers.
     */
    static SnmpSim start(Path work, List<Path> recordings) throws IOException {
        Files.createDirectories(work);
        Files.setPosixFilePermissions(work.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(Files.isExecutable(SNMPSIMD), "snmpsim is needed: apt-get install snmpsim");
        Path data = Files.createDirectories(work.resolve("data"));
        Path cache = Files.createDirectories(work.resolve("cache"));
        for (Path r : recordings) {
            Files.copy(r, data.resolve(r.getFileName()));
        }
        for (Path p : new Path[] {work, data}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (var files = Files.list(data)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        int port = freeUdpPort();
        Process p = new ProcessBuilder(SNMPSIMD.toString(), "--data-dir=" + data, "--cache-dir=" + cache,
                "--agent-udpv4-endpoint=127.0.0.1:" + port, "--process-user=nobody", "--process-group=nogroup",
                "--logging-method=file:" + cache.resolve("snmpsimd.log")).redirectErrorStream(true)
                .redirectOutput(work.resolve("snmpsimd.out").toFile()).start();
        SnmpSim sim = new SnmpSim(p, port);
        String community = recordings.get(0).getFileName().toString().replace(".snmprec", "");
        try {
            Await.until("snmpsimd answering on " + port, Duration.ofSeconds(60), () -> sim.answers(community));
        } catch (AssertionError e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    int port() {
        return port;
    }

    private boolean answers(String community) {
        if (!process.isAlive()) {
            throw new AssertionError("snmpsimd exited with " + process.exitValue());
        }
        SnmpSettings s = new SnmpSettings("127.0.0.1", port, SnmpConstants.version2c, community, null, 0,
                Duration.ofMillis(300), Duration.ofSeconds(30), 10, "auto");
        try (Snmp4jChannel c = Snmp4jChannel.open(s)) {
            return c.get(MibDetector.SYS_OBJECT_ID) != null;
        } catch (SnmpException e) {
            return false;
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
