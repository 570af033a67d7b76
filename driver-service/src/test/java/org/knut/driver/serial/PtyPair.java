package org.knut.driver.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.knut.core.testing.Await;

/**
 * A pseudo-terminal pair made by socat, standing in for a serial cable: the driver opens
 * {@link #driverEnd()}, a simulator {@link #deviceEnd()}. Both are symbolic links socat makes to
 * {@code /dev/pts/N} and removes when it ends, so {@link #vanish()} is a device unplugged and
 * {@link #plugIn()} a (new) device at the same name. socat is stopped by its PID.
 */
public final class PtyPair implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Path driverEnd;
    private final Path deviceEnd;
    private final Path log;
    private Process socat;

    public PtyPair(Path dir) throws IOException {
        this.driverEnd = dir.resolve("ttyUPS");
        this.deviceEnd = dir.resolve("ttySIM");
        this.log = dir.resolve("socat.log");
        plugIn();
    }

    public Path driverEnd() {
        return driverEnd;
    }

    public Path deviceEnd() {
        return deviceEnd;
    }

    /** Starts socat and waits for both ends to exist. */
    public void plugIn() throws IOException {
        if (socat != null) {
            throw new IllegalStateException("already plugged in");
        }
        socat = new ProcessBuilder("socat", "-d", "pty,raw,echo=0,link=" + driverEnd, "pty,raw,echo=0,link=" + deviceEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Await.until("socat's pty pair", TIMEOUT, () -> Files.exists(driverEnd) && Files.exists(deviceEnd) || !socat.isAlive());
        if (!socat.isAlive()) {
            throw new IOException("socat failed: " + Files.readString(log));
        }
    }

    /** Stops socat (TERM, so that it removes its links): both ends disappear. */
    public void vanish() throws InterruptedException {
        if (socat == null) {
            return;
        }
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        socat = null;
        Await.until("socat's links removed", TIMEOUT, () -> !Files.exists(driverEnd, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void close() throws InterruptedException {
        vanish();
    }
}
