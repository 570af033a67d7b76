package org.knut.driver.usbhid;

import java.util.function.Predicate;

import org.knut.driver.usb.HidDevice;
import org.knut.driver.usb.HidDeviceOpener;
import org.knut.driver.usb.UsbDeviceInfo;

/** A USB bus with one simulated device on it (none while it is unplugged). */
final class SimulatedOpener implements HidDeviceOpener {
    private final SimulatedHidDevice device;
    private int opens;

    SimulatedOpener(SimulatedHidDevice device) {
        this.device = device;
    }

    @Override
    public synchronized HidDevice open(Predicate<UsbDeviceInfo> accept) {
        if (!device.plugged() || !accept.test(device.info())) {
            return null;
        }
        opens++;
        return device;
    }

    synchronized int opens() {
        return opens;
    }
}
