package org.knut.driver.hid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the HID report descriptor parser and the report codec with what a USB device may hand over.
 * A descriptor is parsed or refused with a HidDescriptorException (nothing else escapes, within the
 * parser's documented limits); every field it declares then decodes from a report (here the same
 * bytes) to a value within its logical range, and a value written into a report reads back.
 */
class ReportDescriptorFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void descriptorAndReports(byte[] data) {
        ReportDescriptor descriptor;
        try {
            descriptor = ReportDescriptorParser.parse(data);
        } catch (HidDescriptorException e) {
            assertTrue(e.getMessage().startsWith("report descriptor byte "), e.getMessage());
            return;
        }
        assertFalse(descriptor.fields().isEmpty());
        assertTrue(descriptor.fields().size() <= ReportDescriptorParser.MAX_FIELDS);
        for (HidField f : descriptor.fields()) {
            assertTrue(f.path().size() <= ReportDescriptorParser.MAX_DEPTH, f.path().toString());
            assertTrue(descriptor.reportLength(f.reportId()) <= ReportDescriptorParser.MAX_REPORT_BYTES);
            long value = ReportCodec.extract(data, f);
            if (f.logMin() <= f.logMax()) {
                assertTrue(value >= f.logMin() && value <= f.logMax(), f + " read " + value);
            }
            double physical = ReportCodec.toPhysical(f, value);
            ReportCodec.toLogical(f, physical);
            roundTrip(descriptor, f, value);
        }
    }

    /** The value read, written into a zeroed report of the field's length, reads back the same. */
    private static void roundTrip(ReportDescriptor descriptor, HidField f, long value) {
        if (f.size() > 64) {
            return; // the codec carries at most 64 bits of a value
        }
        byte[] report = new byte[descriptor.reportLength(f.reportId()) + 1];
        report[0] = (byte) f.reportId();
        ReportCodec.insert(report, f.offset(), f.size(), value);
        long back = ReportCodec.extract(report, f);
        if (fits(value, f.size())) {
            assertEquals(value, back, f + " wrote " + value);
        }
    }

    /** Whether the value survives being cut to {@code size} bits (and sign-extended when negative). */
    private static boolean fits(long value, int size) {
        if (size >= 64) {
            return true;
        }
        return value >= 0 ? value >>> size == 0 : value >> (size - 1) == -1;
    }
}
