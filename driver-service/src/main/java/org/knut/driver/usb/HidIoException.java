package org.knut.driver.usb;

/**
 * A USB transfer that failed. {@link #lost()} tells a device that is gone or no longer ours (unplugged,
 * I/O error, access denied, claimed by another driver: NUT reconnects) from a transfer that may work next
 * time (timeout, stall, overflow: NUT skips the value).
 */
public class HidIoException extends Exception {
    private final boolean lost;

    public HidIoException(String message, boolean lost) {
        super(message);
        this.lost = lost;
    }

    public boolean lost() {
        return lost;
    }
}
