package org.knut.driver.serial;

import java.io.IOException;

/** Opens a serial port; the real one is {@link JSerialCommLink#open}. */
@FunctionalInterface
public interface SerialOpener {
    SerialLink open(SerialSettings settings) throws IOException;
}
