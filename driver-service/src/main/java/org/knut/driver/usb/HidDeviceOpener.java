package org.knut.driver.usb;

import java.util.function.Predicate;

/** Finds and opens the first USB HID device that {@code accept} takes (NUT's comm_driver->open). */
public interface HidDeviceOpener {
    /** The opened device, or null when none is plugged in that matches. */
    HidDevice open(Predicate<UsbDeviceInfo> accept) throws HidIoException;
}
