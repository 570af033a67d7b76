package org.knut.driver.serial;

import java.io.IOException;
import java.time.Duration;

/**
 * The modem-control side of a serial port: the two outputs (DTR, RTS), the four inputs and BREAK.
 * Contact-closure drivers use nothing else, so tests can drive them with a fake.
 */
public interface ModemLines {
    /** Sets both outputs at once (NUT's TIOCMSET with DTR/RTS). */
    void setOutputs(boolean dtr, boolean rts) throws IOException;

    /** Reads the inputs; throws when the device is gone. */
    ModemInputs inputs() throws IOException;

    /** Holds the transmit line in BREAK for about {@code length}. */
    void sendBreak(Duration length) throws IOException;
}
