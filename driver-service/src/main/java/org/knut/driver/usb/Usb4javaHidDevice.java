package org.knut.driver.usb;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.usb4java.BufferUtils;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

/** One claimed HID interface, driven with libusb control and interrupt transfers as NUT's libusb1.c does. */
final class Usb4javaHidDevice implements HidDevice {
    /** NUT's USB_TIMEOUT for control transfers. */
    private static final int CONTROL_TIMEOUT_MS = 5000;
    /** NUT's MAX_REPORT_SIZE for the report descriptor. */
    private static final int MAX_DESCRIPTOR = 0x1800;
    private static final byte GET_REPORT = 0x01;
    private static final byte SET_REPORT = 0x09;
    private static final int FEATURE = 3;

    private final DeviceHandle handle;
    private final UsbDeviceInfo info;
    private final int iface;
    private final byte endpoint;

    Usb4javaHidDevice(DeviceHandle handle, UsbDeviceInfo info, int iface, byte endpoint) {
        this.handle = handle;
        this.info = info;
        this.iface = iface;
        this.endpoint = endpoint;
    }

    /** A libusb error as ours: the device is lost unless the error is one a later transfer may not have. */
    static HidIoException error(String what, int code) {
        boolean transient_ = code == LibUsb.ERROR_TIMEOUT || code == LibUsb.ERROR_PIPE || code == LibUsb.ERROR_OVERFLOW
                || code == LibUsb.ERROR_INTERRUPTED;
        return new HidIoException(what + ": " + LibUsb.strError(code), !transient_);
    }

    @Override
    public UsbDeviceInfo info() {
        return info;
    }

    @Override
    public byte[] reportDescriptor() throws HidIoException {
        ByteBuffer b = BufferUtils.allocateByteBuffer(MAX_DESCRIPTOR);
        // GET_DESCRIPTOR(Report) on the interface
        int n = LibUsb.controlTransfer(handle, (byte) (LibUsb.ENDPOINT_IN | LibUsb.REQUEST_TYPE_STANDARD | LibUsb.RECIPIENT_INTERFACE),
                LibUsb.REQUEST_GET_DESCRIPTOR, (short) (0x22 << 8), (short) iface, b, CONTROL_TIMEOUT_MS);
        return copy(b, n, "report descriptor");
    }

    @Override
    public int getFeature(int reportId, byte[] buffer) throws HidIoException {
        ByteBuffer b = BufferUtils.allocateByteBuffer(buffer.length);
        int n = LibUsb.controlTransfer(handle, (byte) (LibUsb.ENDPOINT_IN | LibUsb.REQUEST_TYPE_CLASS | LibUsb.RECIPIENT_INTERFACE),
                GET_REPORT, (short) ((FEATURE << 8) | reportId), (short) iface, b, CONTROL_TIMEOUT_MS);
        byte[] got = copy(b, n, String.format("report %02x", reportId));
        System.arraycopy(got, 0, buffer, 0, got.length);
        return got.length;
    }

    @Override
    public void setFeature(int reportId, byte[] report) throws HidIoException {
        ByteBuffer b = BufferUtils.allocateByteBuffer(report.length);
        b.put(report).rewind();
        int n = LibUsb.controlTransfer(handle, (byte) (LibUsb.ENDPOINT_OUT | LibUsb.REQUEST_TYPE_CLASS | LibUsb.RECIPIENT_INTERFACE),
                SET_REPORT, (short) ((FEATURE << 8) | reportId), (short) iface, b, CONTROL_TIMEOUT_MS);
        if (n < 0) {
            throw error(String.format("set report %02x", reportId), n);
        }
    }

    @Override
    public int readInterrupt(byte[] buffer, int timeoutMillis) throws HidIoException {
        ByteBuffer b = BufferUtils.allocateByteBuffer(buffer.length);
        IntBuffer transferred = BufferUtils.allocateIntBuffer();
        int r = LibUsb.interruptTransfer(handle, endpoint, b, transferred, timeoutMillis);
        if (r == LibUsb.ERROR_TIMEOUT) {
            return 0;
        }
        byte[] got = copy(b, r == LibUsb.SUCCESS ? transferred.get(0) : r, "interrupt");
        System.arraycopy(got, 0, buffer, 0, got.length);
        return got.length;
    }

    private static byte[] copy(ByteBuffer b, int n, String what) throws HidIoException {
        if (n < 0) {
            throw error(what, n);
        }
        byte[] out = new byte[Math.min(n, b.capacity())];
        b.rewind();
        b.get(out);
        return out;
    }

    @Override
    public String string(int index) throws HidIoException {
        if (index <= 0 || index > 255) {
            return "";
        }
        String s = LibUsb.getStringDescriptor(handle, (byte) index);
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        LibUsb.releaseInterface(handle, iface);
        LibUsb.close(handle);
    }
}
