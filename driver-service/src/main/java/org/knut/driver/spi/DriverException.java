package org.knut.driver.spi;

/** A driver could not talk to its device (or read its data file); the message says why, for the log. */
public class DriverException extends Exception {
    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
