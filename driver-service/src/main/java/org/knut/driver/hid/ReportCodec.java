package org.knut.driver.hid;

/**
 * Reads and writes field values in report buffers, and converts between logical and physical values,
 * as NUT's hidparser (GetValue/SetValue) and libhid (logical_to_physical, unit exponents) do. A buffer
 * starts with the report id byte; bits past the end of a short buffer read as 0 and are not written.
 */
public final class ReportCodec {
    /** NUT's HIDUnits: units whose exponent is counted from a base other than 0 (volt and VA/W: 7). */
    private static final long[][] UNIT_BASE = {
        {0x00000000L, 0}, {0x00F0D121L, 7}, {0x00100001L, 0}, {0x0000D121L, 7}, {0x00001001L, 0},
        {0x00010001L, 0}, {0x0000F001L, 0}, {0x00101001L, 0},
    };

    private ReportCodec() {
    }

    /** The raw logical value of {@code size} bits at bit {@code offset} (after the id byte), NUT's GetValue. */
    public static long extract(byte[] report, int offset, int size, long logMin, long logMax) {
        long value = 0;
        int bit = offset + 8;
        for (int w = 0; w < size && w < 64; w++, bit++) {
            int b = bit >> 3;
            if (b < report.length && (report[b] & (1 << (bit & 7))) != 0) {
                value |= 1L << w;
            }
        }
        // the range decides how many bits count and whether the top one is a sign (HID 1.11, 6.2.2.7)
        long magMax = logMax >= 0 ? logMax : -(logMax + 1);
        long magMin = logMin >= 0 ? logMin : -(logMin + 1);
        int hibit = 64 - Long.numberOfLeadingZeros(Math.max(magMax, magMin));
        long signbit = hibit >= 63 ? Long.MIN_VALUE : 1L << hibit;
        long mask = (signbit - 1) | (logMin < 0 ? signbit : 0);
        value &= mask;
        if (logMin < 0 && (value & signbit) != 0) {
            value |= ~mask;
        }
        return Math.max(logMin, Math.min(logMax, value));
    }

    public static long extract(byte[] report, HidField f) {
        return extract(report, f.offset(), f.size(), f.logMin(), f.logMax());
    }

    /** Writes the low {@code size} bits of {@code value} at bit {@code offset}, NUT's SetValue. */
    public static void insert(byte[] report, int offset, int size, long value) {
        int bit = offset + 8;
        for (int w = 0; w < size; w++, bit++) {
            int b = bit >> 3;
            if (b >= report.length) {
                return;
            }
            boolean set = w < 64 && (value & (1L << w)) != 0;
            if (set) {
                report[b] |= (byte) (1 << (bit & 7));
            } else {
                report[b] &= (byte) ~(1 << (bit & 7));
            }
        }
    }

    /** The physical value: logical scaled to the physical range when one is declared, times 10^exponent. */
    public static double toPhysical(HidField f, long logical) {
        return logicalToPhysical(f, logical) * exponent(unitExponent(f));
    }

    /**
     * The logical value to write for a physical one (NUT's physical_to_logical, after the exponent), rounded
     * to the nearest integer: NUT truncates, so 230 V at exponent -2 becomes 22999 there.
     */
    public static long toLogical(HidField f, double physical) {
        double value = physical / exponent(unitExponent(f));
        if (!hasPhysicalRange(f)) {
            return Math.round(value);
        }
        double factor = (double) (f.logMax() - f.logMin()) / (f.phyMax() - f.phyMin());
        long logical = Math.round((value - f.phyMin()) * factor) + f.logMin();
        return Math.max(f.logMin(), Math.min(f.logMax(), logical));
    }

    private static double logicalToPhysical(HidField f, long logical) {
        if (!hasPhysicalRange(f)) {
            return logical;
        }
        double factor = (double) (f.phyMax() - f.phyMin()) / (f.logMax() - f.logMin());
        double physical = (logical - f.logMin()) * factor + f.phyMin();
        return Math.max(f.phyMin(), Math.min(f.phyMax(), physical));
    }

    /** HID: without both physical limits (or with both 0) physical equals logical; NUT also ignores empty ranges. */
    private static boolean hasPhysicalRange(HidField f) {
        return f.phyMin() != null && f.phyMax() != null && !(f.phyMin() == 0 && f.phyMax() == 0)
                && f.phyMax() > f.phyMin() && f.logMax() > f.logMin();
    }

    /** The unit exponent counted from the unit's base (volts are 10^7 in HID's SI units), NUT's get_unit_expo. */
    public static int unitExponent(HidField f) {
        for (long[] u : UNIT_BASE) {
            if (u[0] == f.unit()) {
                return f.unitExp() - (int) u[1];
            }
        }
        return f.unitExp();
    }

    /** 10^e computed as NUT does (repeated products of 10 or 1/10), so results round alike. */
    static double exponent(int e) {
        if (e > 0) {
            return 10 * exponent(e - 1);
        }
        if (e < 0) {
            return (1 / 10.0) * exponent(e + 1);
        }
        return 1;
    }
}
