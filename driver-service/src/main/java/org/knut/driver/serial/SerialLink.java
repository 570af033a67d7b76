package org.knut.driver.serial;

import java.io.IOException;
import java.time.Duration;

/** One open serial port: bytes both ways with a bounded wait, plus the modem lines. */
public interface SerialLink extends ModemLines, AutoCloseable {
    /** Writes all of {@code bytes}; throws when the device is gone. */
    void write(byte[] bytes) throws IOException;

    /**
     * Reads what arrives within {@code timeout}, at most {@code buf.length} bytes: returns as soon as
     * some bytes are there, 0 when none came in time; throws when the device is gone.
     */
    int read(byte[] buf, Duration timeout) throws IOException;

    /** Drops whatever the device sent that nobody read yet. */
    void discardInput() throws IOException;

    @Override
    void close();
}
