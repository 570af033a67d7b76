package org.knut.monitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.monitor.shutdown.PowerdownFlag;

class PowerdownFlagTest {
    @Test
    void writesUpsmonsMagicAndClearsOnlyItsOwnFile(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("killpower");
        PowerdownFlag flag = new PowerdownFlag(path);
        assertTrue(flag.create());
        assertEquals("upsmon-shutdown-file", Files.readString(path));
        new PowerdownFlag(path).clearStale();
        assertFalse(Files.exists(path), "a flag left from the last shutdown goes at startup");

        Files.writeString(path, "important data");
        PowerdownFlag foreign = new PowerdownFlag(path);
        foreign.clearStale();
        assertEquals("important data", Files.readString(path), "not ours: kept");
        assertNull(foreign.path(), "and the flag disabled");
        assertFalse(foreign.create());
        assertFalse(new PowerdownFlag(null).create());
    }
}
