package org.knut.driver.usb;

/**
 * An opened USB HID device, as usbhid-ups uses it: the report descriptor, feature reports read and
 * written on the control pipe, input reports from the interrupt pipe, and string descriptors. Report
 * buffers start with the report id byte. Implemented by libusb (usb4java) and, in tests, by a simulator.
 */
public interface HidDevice extends AutoCloseable {
    UsbDeviceInfo info();

    /** The HID report descriptor (at most 6144 bytes are asked for, as NUT does). */
    byte[] reportDescriptor() throws HidIoException;

    /** GET_REPORT(Feature, id) into {@code buffer} (id byte first); the number of bytes received. */
    int getFeature(int reportId, byte[] buffer) throws HidIoException;

    /** SET_REPORT(Feature, id) with {@code report} (id byte first). */
    void setFeature(int reportId, byte[] report) throws HidIoException;

    /** The next interrupt IN report into {@code buffer}, waiting at most {@code timeoutMillis}; 0 when none came. */
    int readInterrupt(byte[] buffer, int timeoutMillis) throws HidIoException;

    /** String descriptor {@code index} in ASCII, "" when there is none. */
    String string(int index) throws HidIoException;

    @Override
    void close();
}
