package org.knut.driver.usb;

import java.util.function.Predicate;

import org.jboss.logging.Logger;
import org.usb4java.ConfigDescriptor;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.EndpointDescriptor;
import org.usb4java.Interface;
import org.usb4java.InterfaceDescriptor;
import org.usb4java.LibUsb;

/**
 * Finds HID devices with libusb 1.0 through usb4java (its native library ships in the jar): lists the
 * bus, opens each device with a HID interface to read its strings, and keeps the first one the
 * predicate accepts, with the kernel's HID driver detached from that interface.
 */
public final class Usb4javaOpener implements HidDeviceOpener {
    private static final Logger LOG = Logger.getLogger(Usb4javaOpener.class);
    private static final byte HID_CLASS = 3;
    private Context context;

    private synchronized Context context() throws HidIoException {
        if (context == null) {
            Context c = new Context();
            int r;
            try {
                r = LibUsb.init(c);
            } catch (UnsatisfiedLinkError | ExceptionInInitializerError e) {
                throw new HidIoException("libusb is not available: " + e.getMessage(), false);
            }
            if (r != LibUsb.SUCCESS) {
                throw Usb4javaHidDevice.error("libusb init", r);
            }
            context = c;
        }
        return context;
    }

    /** libusb's version, e.g. 1.0.22. */
    public String libusbVersion() throws HidIoException {
        context();
        org.usb4java.Version v = LibUsb.getVersion();
        return v.major() + "." + v.minor() + "." + v.micro();
    }

    @Override
    public HidDevice open(Predicate<UsbDeviceInfo> accept) throws HidIoException {
        Context ctx = context();
        DeviceList list = new DeviceList();
        int n = LibUsb.getDeviceList(ctx, list);
        if (n < 0) {
            throw Usb4javaHidDevice.error("listing USB devices", n);
        }
        try {
            for (Device d : list) {
                HidDevice h = tryOpen(d, accept);
                if (h != null) {
                    return h;
                }
            }
            return null;
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
    }

    private static HidDevice tryOpen(Device d, Predicate<UsbDeviceInfo> accept) {
        DeviceDescriptor desc = new DeviceDescriptor();
        if (LibUsb.getDeviceDescriptor(d, desc) != LibUsb.SUCCESS) {
            return null;
        }
        int[] hid = hidInterface(d);
        if (hid == null) {
            return null;
        }
        DeviceHandle h = new DeviceHandle();
        int r = LibUsb.open(d, h);
        if (r != LibUsb.SUCCESS) {
            LOG.debugf("cannot open USB device %04x:%04x: %s", desc.idVendor() & 0xffff, desc.idProduct() & 0xffff, LibUsb.strError(r));
            return null;
        }
        UsbDeviceInfo info = new UsbDeviceInfo(desc.idVendor() & 0xffff, desc.idProduct() & 0xffff, string(h, desc.iManufacturer()),
                string(h, desc.iProduct()), string(h, desc.iSerialNumber()), String.format("%03d", LibUsb.getBusNumber(d)),
                String.format("%03d", LibUsb.getDeviceAddress(d)));
        if (!accept.test(info)) {
            LibUsb.close(h);
            return null;
        }
        LibUsb.setAutoDetachKernelDriver(h, true);
        r = LibUsb.claimInterface(h, hid[0]);
        if (r != LibUsb.SUCCESS) {
            LOG.warnf("Can't claim USB device [%s]: %s", info.ids(), LibUsb.strError(r));
            LibUsb.close(h);
            return null;
        }
        return new Usb4javaHidDevice(h, info, hid[0], (byte) hid[1]);
    }

    /** The first HID interface and its interrupt IN endpoint (0x81 when it declares none), or null. */
    private static int[] hidInterface(Device d) {
        ConfigDescriptor cfg = new ConfigDescriptor();
        if (LibUsb.getActiveConfigDescriptor(d, cfg) != LibUsb.SUCCESS) {
            return null;
        }
        try {
            for (Interface itf : cfg.iface()) {
                for (InterfaceDescriptor alt : itf.altsetting()) {
                    if (alt.bInterfaceClass() != HID_CLASS) {
                        continue;
                    }
                    int endpoint = 0x81;
                    for (EndpointDescriptor e : alt.endpoint()) {
                        if ((e.bEndpointAddress() & 0x80) != 0 && (e.bmAttributes() & 3) == LibUsb.TRANSFER_TYPE_INTERRUPT) {
                            endpoint = e.bEndpointAddress() & 0xff;
                            break;
                        }
                    }
                    return new int[] {alt.bInterfaceNumber() & 0xff, endpoint};
                }
            }
            return null;
        } finally {
            LibUsb.freeConfigDescriptor(cfg);
        }
    }

    private static String string(DeviceHandle h, byte index) {
        if (index == 0) {
            return null;
        }
        return LibUsb.getStringDescriptor(h, index);
    }
}
