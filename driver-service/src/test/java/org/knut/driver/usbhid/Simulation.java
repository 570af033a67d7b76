package org.knut.driver.usbhid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knut.core.testing.SharedDir;
import org.knut.driver.hid.HidHex;
import org.knut.driver.hid.UsageNames;
import org.knut.driver.snmp.MibTableParser;
import org.knut.driver.usb.UsbDeviceInfo;

/**
 * Builds a {@link SimulatedHidDevice} from a {@code .sim} file of src/test/resources/usbhid:
 * {@code descriptor hid:<file>} (../shared/testdata/hid) or {@code descriptor test:<file>} (parts
 * joined in order), or instead {@code field <path> <bits> <logical min> <logical max> [exp=<n>] [id=<n>] [input]}
 * lines from which {@link DescriptorBuilder} writes one; {@code names <subdriver>} (paths use that
 * table's vendor usage names), {@code device <vid> <pid> <vendor> <product> <serial>} ({@code -} for a
 * string the device does not have),
 * {@code string <index> <text>}, {@code feature <path> <logical value>}.
 */
final class Simulation {
    private Simulation() {
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/usbhid/" + name);
    }

    static SimulatedHidDevice load(String name) throws Exception {
        return load(name, null);
    }

    /** The same device under another USB product id (to compare products with and without a quirk). */
    static SimulatedHidDevice load(String name, Integer productId) throws Exception {
        List<List<String>> lines = new java.util.ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(resource(name))) {
            List<String> w = MibTableParser.words(name, ++n, line);
            if (!w.isEmpty()) {
                lines.add(w);
            }
        }
        ByteArrayOutputStream descriptor = new ByteArrayOutputStream();
        DescriptorBuilder built = new DescriptorBuilder();
        boolean anyField = false;
        UsbDeviceInfo info = null;
        UsageNames names = UsageNames.standard();
        for (List<String> w : lines) {
            switch (w.get(0)) {
                case "descriptor" -> descriptor.write(part(w.get(1)));
                case "device" -> info = new UsbDeviceInfo(Integer.parseInt(w.get(1), 16), Integer.parseInt(w.get(2), 16), string(w.get(3)),
                        string(w.get(4)), string(w.get(5)), "001", "002");
                case "names" -> names = subdriver(w.get(1)).names();
                case "field" -> {
                    anyField = true;
                    int exp = 0;
                    int id = 0;
                    boolean input = false;
                    for (String opt : w.subList(5, w.size())) {
                        if (opt.equals("input")) {
                            input = true;
                        } else if (opt.startsWith("id=")) {
                            id = Integer.parseInt(opt.substring("id=".length()));
                        } else {
                            exp = Integer.parseInt(opt.substring("exp=".length()));
                        }
                    }
                    built.field(names.parse(w.get(1)), Integer.parseInt(w.get(2)), Long.parseLong(w.get(3)), Long.parseLong(w.get(4)), exp,
                            input, id);
                }
                default -> { }
            }
        }
        if (productId != null) {
            info = new UsbDeviceInfo(info.vendorId(), productId, info.vendor(), info.product(), info.serial(), info.bus(), info.device());
        }
        if (anyField) {
            descriptor.write(built.bytes());
        }
        SimulatedHidDevice device = new SimulatedHidDevice(info, descriptor.toByteArray(), names);
        for (List<String> w : lines) {
            switch (w.get(0)) {
                case "string" -> device.string(Integer.parseInt(w.get(1)), w.get(2));
                case "feature" -> device.feature(w.get(1), Long.parseLong(w.get(2)));
                case "descriptor", "device", "names", "field" -> { }
                default -> throw new IllegalArgumentException(name + ": unknown directive " + w.get(0));
            }
        }
        return device;
    }

    /** A USB string of the device line: {@code -} when the device has none. */
    private static String string(String word) {
        return word.equals("-") ? null : word;
    }

    private static Subdriver subdriver(String name) {
        return SubdriverCatalog.builtIn().all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subdriver " + name));
    }

    private static byte[] part(String ref) throws IOException {
        if (ref.startsWith("hid:")) {
            return HidHex.read(SharedDir.resolve("testdata/hid/" + ref.substring(4)));
        }
        return HidHex.read(resource(ref.substring(5)));
    }
}
