package org.knut.driver.usbhid;

import java.util.ArrayList;
import java.util.List;

import org.knut.driver.hid.HidField;
import org.knut.driver.hid.ReportCodec;
import org.knut.driver.hid.ReportDescriptor;
import org.knut.driver.hid.UsageNames;
import org.knut.driver.usb.HidIoException;

/**
 * What explore mode shows: one line per field of the descriptor with its name and physical value, in
 * the form of NUT's usbhid-ups debug output ({@code Path: ..., Type: ..., ReportID: 0x.., Offset: ..,
 * Size: .., Value: ..}), so the lines can be compared with what users post from NUT.
 */
final class HidExplorer {
    /** Reads a field's logical value from the device. */
    interface Reader {
        long logical(HidField f) throws HidIoException;
    }

    private HidExplorer() {
    }

    static List<String> lines(ReportDescriptor descriptor, UsageNames names, Reader reader) {
        List<String> out = new ArrayList<>();
        for (HidField f : descriptor.fields()) {
            String value;
            try {
                value = number(ReportCodec.toPhysical(f, reader.logical(f)));
            } catch (HidIoException e) {
                value = "(" + e.getMessage() + ")";
            }
            out.add(String.format("Path: %s, Type: %s, ReportID: 0x%02x, Offset: %d, Size: %d, Value: %s", names.format(f.path()),
                    f.type().nutName(), f.reportId(), f.offset(), f.size(), value));
        }
        return out;
    }

    /** C's %g, as NUT prints values: 400, 2.2, 1e-07. */
    private static String number(double v) {
        String s = String.format(java.util.Locale.ROOT, "%g", v);
        if (s.contains("e")) {
            String mantissa = s.substring(0, s.indexOf('e'));
            String exp = s.substring(s.indexOf('e') + 1);
            return trimZeros(mantissa) + "e" + exp;
        }
        return trimZeros(s);
    }

    private static String trimZeros(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
