package org.knut.driver.usbhid;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.knut.driver.hid.HidField;
import org.knut.driver.hid.ReportCodec;
import org.knut.driver.hid.ReportDescriptor;
import org.knut.driver.usb.HidDevice;
import org.knut.driver.usb.HidIoException;

/**
 * The last copy of each report (NUT's reportbuf_t): a report is read again only when its copy is older
 * than the age asked for, so the fields of one report cost one GET_REPORT per poll; interrupt reports
 * refresh the copy too.
 */
final class ReportBuffer {
    private final Map<Integer, byte[]> data = new HashMap<>();
    private final Map<Integer, Instant> read = new HashMap<>();
    private final boolean interruptOnly;

    ReportBuffer(ReportDescriptor descriptor, boolean interruptOnly) {
        for (int id : descriptor.reportIds()) {
            byte[] b = new byte[descriptor.reportLength(id) + 1];
            b[0] = (byte) id;
            data.put(id, b);
        }
        this.interruptOnly = interruptOnly;
    }

    /** The logical value of a field, reading its report when the copy is older than {@code age}. */
    long get(HidDevice device, HidField f, Instant now, Duration age) throws HidIoException {
        byte[] b = data.get(f.reportId());
        Instant t = read.get(f.reportId());
        if (!interruptOnly && (t == null || !t.plus(age).isAfter(now))) {
            int n = device.getFeature(f.reportId(), b);
            if (n <= 0) {
                throw new HidIoException("report " + String.format("%02x", f.reportId()) + ": no data", false);
            }
            read.put(f.reportId(), now);
        }
        return ReportCodec.extract(b, f);
    }

    /** Writes a logical value into the copy of its report and sends the report; every copy expires. */
    void set(HidDevice device, HidField f, long logical) throws HidIoException {
        byte[] b = data.get(f.reportId());
        ReportCodec.insert(b, f.offset(), f.size(), logical);
        device.setFeature(f.reportId(), b.clone());
        read.clear();
    }

    /** Files a report that came on the interrupt pipe; false when the descriptor has no such report. */
    boolean file(byte[] report, int length, Instant now) {
        if (length < 1) {
            return false;
        }
        int id = report[0] & 0xff;
        byte[] b = data.get(id);
        if (b == null) {
            return false;
        }
        // broken descriptors are common: keep what fits
        System.arraycopy(report, 0, b, 0, Math.min(length, b.length));
        read.put(id, now);
        return true;
    }
}
