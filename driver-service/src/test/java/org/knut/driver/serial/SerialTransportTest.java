package org.knut.driver.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.driver.testing.DumpModes;

/** jSerialComm on a socat pty pair: symlinked names, NUT's lock, bounded reads, a vanished device. */
class SerialTransportTest {
    @TempDir
    Path dir;

    private PtyPair pty;
    private SerialLink device;
    private SerialDevice driver;

    @BeforeEach
    void plug() throws IOException {
        pty = new PtyPair(dir);
        device = JSerialCommLink.open(SerialSettings.eightN1(pty.deviceEnd().toString(), 2400, false));
        driver = new SerialDevice(SerialSettings.eightN1(pty.driverEnd().toString(), 2400, true), JSerialCommLink::open, l -> {
        });
    }

    @AfterEach
    void unplug() throws InterruptedException {
        driver.close();
        device.close();
        pty.close();
    }

    @Test
    void aSymlinkedPtyCarriesBytesBothWays() throws IOException {
        driver.write("Q1\r", Duration.ZERO);
        byte[] buf = new byte[16];
        int n = device.read(buf, Duration.ofSeconds(5));
        assertEquals("Q1\r", new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        device.write("(OK\r".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("(OK", driver.readUntil('\r', 64, Duration.ofSeconds(5), SerialDevice.CharFilter.KEEP_ALL));
    }

    @Test
    void readsAreBoundedInTimeAndLength() throws IOException {
        assertNull(driver.readUntil('\r', 64, Duration.ofMillis(300), SerialDevice.CharFilter.KEEP_ALL), "nothing came");
        device.write("partial".getBytes(StandardCharsets.ISO_8859_1));
        assertNull(driver.readUntil('\r', 64, Duration.ofMillis(300), SerialDevice.CharFilter.KEEP_ALL), "no terminator in time");
        device.write("x".repeat(100).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(64, driver.readUntil('\r', 64, Duration.ofSeconds(5), SerialDevice.CharFilter.KEEP_ALL).length());
        driver.discardInput();
        device.write("a|b\r".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("ab", driver.readUntil('\r', 64, Duration.ofSeconds(5), c -> c == '|' ? "" : null));
    }

    @Test
    void thePortIsLockedAsNutLocksIt() throws Exception {
        driver.link();
        IOException e = assertThrows(IOException.class,
                () -> JSerialCommLink.open(SerialSettings.eightN1(pty.driverEnd().toString(), 2400, true)));
        assertEquals(pty.driverEnd() + " is locked by another process", e.getMessage());
        Files.writeString(dir.resolve("ups.conf"), "[ups]\n\tdriver = blazer_ser\n\tport = " + pty.driverEnd() + "\n");
        String out = DumpModes.realRefusal("blazer_ser", dir, "ups");
        assertTrue(out.contains("is locked by another process"), "the C driver sees our lock: " + out);
    }

    @Test
    void aVanishedDeviceFailsTheNextReadAndIsReopenedLater() throws Exception {
        driver.link();
        pty.vanish();
        assertThrows(IOException.class, () -> driver.readUntil('\r', 64, Duration.ofSeconds(2), SerialDevice.CharFilter.KEEP_ALL));
        assertFalse(driver.isOpen());
        assertEquals("Unable to open " + pty.driverEnd() + ": No such file or directory",
                assertThrows(IOException.class, driver::link).getMessage());
        device.close();
        pty.plugIn();
        device = JSerialCommLink.open(SerialSettings.eightN1(pty.deviceEnd().toString(), 2400, false));
        driver.write("D\r", Duration.ZERO);
        assertTrue(driver.isOpen());
        assertEquals(2, device.read(new byte[8], Duration.ofSeconds(5)));
    }
}
