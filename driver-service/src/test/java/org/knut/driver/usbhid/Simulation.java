package org.knut.driver.usbhid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knut.core.testing.SharedDir;
import org.knut.driver.hid.HidHex;
import org.knut.driver.snmp.MibTableParser;
import org.knut.driver.usb.UsbDeviceInfo;

/**
 * Builds a {@link SimulatedHidDevice} from a {@code .sim} file of src/test/resources/usbhid:
 * {@code descriptor hid:<file>} (../shared/testdata/hid) or {@code descriptor test:<file>} (parts
 * joined in order), {@code device <vid> <pid> <vendor> <product> <serial>}, {@code string <index> <text>},
 * {@code feature <path> <logical value>}.
 */
final class Simulation {
    private Simulation() {
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/usbhid/" + name);
    }

    static SimulatedHidDevice load(String name) throws Exception {
        List<List<String>> lines = new java.util.ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(resource(name))) {
            List<String> w = MibTableParser.words(name, ++n, line);
            if (!w.isEmpty()) {
                lines.add(w);
            }
        }
        ByteArrayOutputStream descriptor = new ByteArrayOutputStream();
        UsbDeviceInfo info = null;
        for (List<String> w : lines) {
            if (w.get(0).equals("descriptor")) {
                descriptor.write(part(w.get(1)));
            } else if (w.get(0).equals("device")) {
                info = new UsbDeviceInfo(Integer.parseInt(w.get(1), 16), Integer.parseInt(w.get(2), 16), w.get(3), w.get(4), w.get(5),
                        "001", "002");
            }
        }
        SimulatedHidDevice device = new SimulatedHidDevice(info, descriptor.toByteArray());
        for (List<String> w : lines) {
            switch (w.get(0)) {
                case "string" -> device.string(Integer.parseInt(w.get(1)), w.get(2));
                case "feature" -> device.feature(w.get(1), Long.parseLong(w.get(2)));
                case "descriptor", "device" -> { }
                default -> throw new IllegalArgumentException(name + ": unknown directive " + w.get(0));
            }
        }
        return device;
    }

    private static byte[] part(String ref) throws IOException {
        if (ref.startsWith("hid:")) {
            return HidHex.read(SharedDir.resolve("testdata/hid/" + ref.substring(4)));
        }
        return HidHex.read(resource(ref.substring(5)));
    }
}
