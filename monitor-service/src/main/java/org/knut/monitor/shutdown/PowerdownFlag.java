package org.knut.monitor.shutdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

/**
 * POWERDOWNFLAG: the file whose presence late in the OS shutdown makes the UPS cut its load power
 * ({@code upsmon -K}, {@code upsdrvctl shutdown}). Written with upsmon's magic text; removed at startup
 * only when it carries that text, so a mistyped path never deletes somebody's file.
 */
public final class PowerdownFlag {
    private static final Logger LOG = Logger.getLogger(PowerdownFlag.class);
    /** What upsmon writes into the flag file ({@code SDMAGIC}). */
    public static final String MAGIC = "upsmon-shutdown-file";

    private Path path;

    /** {@code path} null: not configured. */
    public PowerdownFlag(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** At startup: a flag left from an earlier shutdown is removed; a foreign file disables the flag. */
    public void clearStale() {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try {
            if (ours()) {
                Files.delete(path);
                LOG.infof("removed the power down flag %s left from an earlier shutdown", path);
            } else {
                LOG.errorf("POWERDOWNFLAG (%s) does not contain the upsmon magic string (not a NUT file) - disabling!", path);
                path = null;
            }
        } catch (IOException e) {
            LOG.errorf("cannot check or remove the power down flag %s: %s", path, e.getMessage());
        }
    }

    private boolean ours() throws IOException {
        byte[] head = new byte[MAGIC.length()];
        try (var in = Files.newInputStream(path)) {
            int n = in.readNBytes(head, 0, head.length);
            return n == head.length && new String(head, StandardCharsets.US_ASCII).equals(MAGIC);
        }
    }

    /** Writes the flag; false (and logged) when not configured or not writable. */
    public boolean create() {
        if (path == null) {
            return false;
        }
        try {
            Files.writeString(path, MAGIC, StandardCharsets.US_ASCII);
            return true;
        } catch (IOException e) {
            LOG.errorf("Failed to create power down flag %s: %s", path, e.getMessage());
            return false;
        }
    }
}
