package org.knut.driver.usb;

/**
 * What identifies a USB device before it is used (NUT's USBDevice_t): ids, the strings of its device
 * descriptor (null when it has none), and where it is plugged ({@code bus} and {@code device} as NUT
 * prints them with libusb 1.0: three decimal digits).
 */
public record UsbDeviceInfo(int vendorId, int productId, String vendor, String product, String serial, String bus, String device) {

    /** {@code 051d:0002}. */
    public String ids() {
        return String.format("%04x:%04x", vendorId, productId);
    }
}
