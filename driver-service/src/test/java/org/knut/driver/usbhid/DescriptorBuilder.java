package org.knut.driver.usbhid;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.knut.driver.hid.HidPath;

/**
 * Writes a report descriptor that declares given fields, for simulating devices whose real descriptor is
 * not published: each field is a one-value Feature item (and, if asked, an Input item of the same report)
 * in its own report (numbered in order unless given), inside the collections its path names ({@code [n]} nodes become vendor collection
 * types 0x80+n, as NUT reads them back). Usages are written as 32-bit extended usages.
 */
final class DescriptorBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Integer> open = new ArrayList<>();
    private int nextReportId = 1;

    /**
     * Declares a field.
     *
     * @param path the field's path (collections, then its own usage)
     * @param bits its size
     * @param logMin logical minimum
     * @param logMax logical maximum
     * @param unitExp unit exponent (no unit, so the value is logical times 10^unitExp)
     * @param input also declare it as an Input of the same report
     * @param reportId its report id, or 0 for the next unused one
     */
    DescriptorBuilder field(HidPath path, int bits, long logMin, long logMax, int unitExp, boolean input, int reportId) {
        int id = reportId != 0 ? reportId : nextReportId++;
        if (id > 255) {
            throw new IllegalStateException("more than 255 simulated fields");
        }
        enter(path);
        item(0x84, 1, id); // Report ID
        item(0x74, 1, bits); // Report Size
        item(0x94, 1, 1); // Report Count
        item(0x14, 4, logMin);
        item(0x24, 4, logMax);
        item(0x64, 1, 0); // Unit: none
        item(0x54, 1, unitExp & 0x0f);
        int usage = path.usage();
        item(0x08, 4, usage);
        item(0xb0, 1, 0x02); // Feature (Data, Variable, Absolute)
        if (input) {
            item(0x08, 4, usage);
            item(0x80, 1, 0x02); // Input
        }
        return this;
    }

    /** Closes the collections the fields left open. */
    byte[] bytes() {
        while (!open.isEmpty()) {
            close();
        }
        return out.toByteArray();
    }

    /** Opens (and closes) collections so that the next item sits in its path's collection. */
    private void enter(HidPath path) {
        List<Integer> want = new ArrayList<>();
        for (int i = 0; i < path.size() - 1; i++) {
            want.add(path.node(i));
        }
        int common = 0;
        while (common < open.size() && common < want.size() && open.get(common).equals(want.get(common))) {
            common++;
        }
        boolean atIndex = common < open.size() && isIndex(open.get(common)) || common < want.size() && isIndex(want.get(common));
        if (common > 0 && atIndex) {
            common--; // an index node belongs to the collection before it
        }
        while (open.size() > common) {
            close();
        }
        for (int i = common; i < want.size(); i++) {
            int node = want.get(i);
            if (isIndex(node)) {
                throw new IllegalArgumentException(path + ": an index node must follow a collection");
            }
            boolean indexed = i + 1 < want.size() && isIndex(want.get(i + 1));
            item(0x08, 4, node);
            item(0xa0, 1, indexed ? 0x80 | (want.get(i + 1) & 0x7f) : i == 0 ? 0x01 : 0x00);
            open.add(node);
            if (indexed) {
                open.add(want.get(++i));
            }
        }
    }

    private void close() {
        int last = open.remove(open.size() - 1);
        if (isIndex(last)) {
            open.remove(open.size() - 1);
        }
        out.write(0xc0);
    }

    private static boolean isIndex(int node) {
        return (node & 0xffff0000) == 0x00ff0000;
    }

    /** A short item: tag and type in {@code prefix}, then the size code and little-endian data. */
    private void item(int prefix, int size, long value) {
        out.write(prefix | (size == 4 ? 3 : size));
        for (int i = 0; i < size; i++) {
            out.write((int) (value >> (8 * i)) & 0xff);
        }
    }
}
