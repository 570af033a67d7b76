package org.knut.driver.hid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a HID report descriptor into fields with usage paths, following NUT's hidparser: a usage item
 * takes the usage page in force when it is read, each field of a main item takes the next usage of the
 * list (fields without one are padding: they take room but are not fields), local items end with each
 * main item, a collection adds its first usage to the path (and an index node for vendor-defined
 * collection types 0x80-0xff), bit offsets count per report id and type.
 *
 * <p>Beyond NUT: Push/Pop and Usage Minimum/Maximum are honoured (NUT ignores them). Every limit is
 * checked, so that a broken or hostile descriptor fails with a message naming the byte, never with an
 * exception of another kind or unbounded work: {@value #MAX_DESCRIPTOR} bytes, path depth
 * {@value #MAX_DEPTH} (NUT's), {@value #MAX_USAGES} pending usages, {@value #MAX_FIELDS} fields,
 * {@value #MAX_REPORT_BYTES} bytes per report, push depth {@value #MAX_PUSH}.
 */
public final class ReportDescriptorParser {
    /** wDescriptorLength is 16 bits. */
    public static final int MAX_DESCRIPTOR = 65535;
    /** NUT's PATH_SIZE: collections (with index nodes) plus the field's own usage. */
    public static final int MAX_DEPTH = 10;
    public static final int MAX_USAGES = 256;
    public static final int MAX_FIELDS = 4096;
    public static final int MAX_REPORT_BYTES = 4096;
    public static final int MAX_PUSH = 16;

    private static final int[] ITEM_SIZE = {0, 1, 2, 4};

    private final byte[] desc;
    private final List<HidField> fields = new ArrayList<>();
    private final Map<Long, Long> offsets = new HashMap<>(); // (id, type) -> next bit
    private final Map<Integer, Integer> reportBytes = new HashMap<>();
    private final Deque<Integer> path = new ArrayDeque<>();
    private final Deque<Globals> pushed = new ArrayDeque<>();
    private final List<Integer> usages = new ArrayList<>();
    private Globals g = new Globals();
    private Integer usageMin;
    private int pos;
    private int itemStart;

    /** The global items in force (copied by Push). */
    private static final class Globals implements Cloneable {
        int usagePage;
        long logMin;
        long logMax;
        Long phyMin;
        Long phyMax;
        long unit;
        int unitExp;
        long reportSize;
        int reportId;
        long reportCount;

        @Override
        protected Globals clone() {
            try {
                return (Globals) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private ReportDescriptorParser(byte[] desc) {
        this.desc = desc;
    }

    public static ReportDescriptor parse(byte[] descriptor) throws HidDescriptorException {
        ReportDescriptorParser p = new ReportDescriptorParser(descriptor);
        if (descriptor.length > MAX_DESCRIPTOR) {
            throw p.fail("descriptor is " + descriptor.length + " bytes, more than " + MAX_DESCRIPTOR);
        }
        p.run();
        if (p.fields.isEmpty()) {
            throw p.fail("no data fields in " + descriptor.length + " bytes");
        }
        return p.result();
    }

    private ReportDescriptor result() {
        return new ReportDescriptor(fields, reportBytes);
    }

    private HidDescriptorException fail(String why) {
        return new HidDescriptorException("report descriptor byte " + itemStart + ": " + why, result());
    }

    private void run() throws HidDescriptorException {
        while (pos < desc.length) {
            itemStart = pos;
            int prefix = desc[pos++] & 0xff;
            if (prefix == 0xfe) { // long item: size, tag, data; no long item is defined, skip it
                if (pos + 2 > desc.length) {
                    throw fail("long item truncated");
                }
                int size = desc[pos] & 0xff;
                pos += 2 + size;
                if (pos > desc.length) {
                    throw fail("long item of " + size + " bytes runs past the end (" + desc.length + " bytes)");
                }
                continue;
            }
            int size = ITEM_SIZE[prefix & 3];
            if (pos + size > desc.length) {
                throw fail("item 0x" + hex2(prefix) + " needs " + size + " data bytes, only " + (desc.length - pos) + " left");
            }
            long value = 0;
            for (int i = 0; i < size; i++) {
                value |= (long) (desc[pos + i] & 0xff) << (8 * i);
            }
            pos += size;
            int tag = prefix >> 4;
            switch ((prefix >> 2) & 3) {
                case 0 -> main(tag, value);
                case 1 -> global(tag, value, size);
                case 2 -> local(tag, value, size);
                default -> { } // reserved item type: ignored, as NUT does
            }
        }
    }

    private void main(int tag, long value) throws HidDescriptorException {
        switch (tag) {
            case 0x8 -> data(ReportType.INPUT, value);
            case 0x9 -> data(ReportType.OUTPUT, value);
            case 0xB -> data(ReportType.FEATURE, value);
            case 0xA -> {
                push(usages.isEmpty() ? 0 : usages.get(0));
                if (value >= 0x80) { // vendor-defined collection type: NUT adds an index node
                    push(HidPath.INDEX_PAGE | (int) (value & 0x7f));
                }
                resetLocals();
            }
            case 0xC -> {
                if (path.isEmpty()) {
                    throw fail("End Collection without an open collection");
                }
                if (HidPath.isIndex(path.removeLast()) && !path.isEmpty()) { // the index node goes with its collection
                    path.removeLast();
                }
                resetLocals();
            }
            default -> resetLocals(); // reserved main item
        }
    }

    private void push(int node) throws HidDescriptorException {
        if (path.size() + 1 >= MAX_DEPTH) {
            throw fail("collections nested deeper than " + (MAX_DEPTH - 1));
        }
        path.addLast(node);
    }

    private void data(ReportType type, long attributes) throws HidDescriptorException {
        long size = g.reportSize;
        long count = g.reportCount;
        long key = ((long) g.reportId << 8) | type.ordinal();
        long offset = offsets.getOrDefault(key, 0L);
        long end = offset + size * count;
        if (end > 8L * MAX_REPORT_BYTES) {
            throw fail(type.nutName() + " report 0x" + hex2(g.reportId) + " would be longer than " + MAX_REPORT_BYTES
                    + " bytes (report size " + size + ", count " + count + ")");
        }
        int[] nodes = new int[path.size() + 1];
        int n = 0;
        for (int node : path) {
            nodes[n++] = node;
        }
        for (int i = 0; i < count && i < usages.size(); i++) {
            int usage = usages.get(i);
            if (usage == 0) {
                continue;
            }
            if (fields.size() >= MAX_FIELDS) {
                throw fail("more than " + MAX_FIELDS + " fields");
            }
            nodes[n] = usage;
            fields.add(new HidField(new HidPath(nodes), type, g.reportId, (int) (offset + i * size), (int) size, g.logMin, g.logMax,
                    g.phyMin, g.phyMax, g.unit, g.unitExp, (int) (attributes & 0xff)));
        }
        offsets.put(key, end);
        int bytes = (int) ((end + 7) / 8);
        reportBytes.merge(g.reportId, bytes, Math::max);
        resetLocals();
    }

    private void global(int tag, long value, int size) throws HidDescriptorException {
        switch (tag) {
            case 0x0 -> g.usagePage = (int) (value & 0xffff);
            case 0x1 -> g.logMin = signed(value, size);
            case 0x2 -> {
                g.logMax = signed(value, size);
                if (g.logMax < g.logMin) { // NUT: a maximum that overflowed into the sign bit is read unsigned
                    g.logMax = value;
                }
            }
            case 0x3 -> g.phyMin = signed(value, size);
            case 0x4 -> g.phyMax = signed(value, size);
            case 0x5 -> {
                int e = (byte) value;
                g.unitExp = e > 7 ? (byte) (e | 0xf0) : e;
            }
            case 0x6 -> g.unit = value;
            case 0x7 -> {
                if (value < 1 || value > 255) {
                    throw fail("Report Size " + value + " is out of range 1..255");
                }
                g.reportSize = value;
            }
            case 0x8 -> {
                if (value < 1 || value > 255) {
                    throw fail("Report ID " + value + " is out of range 1..255");
                }
                g.reportId = (int) value;
            }
            case 0x9 -> g.reportCount = value;
            case 0xA -> {
                if (pushed.size() >= MAX_PUSH) {
                    throw fail("more than " + MAX_PUSH + " nested Push items");
                }
                pushed.push(g.clone());
            }
            case 0xB -> {
                if (pushed.isEmpty()) {
                    throw fail("Pop without Push");
                }
                g = pushed.pop();
            }
            default -> { } // reserved global item
        }
    }

    private void local(int tag, long value, int size) throws HidDescriptorException {
        int usage = size > 2 ? (int) value : (g.usagePage << 16) | (int) (value & 0xffff);
        switch (tag) {
            case 0x0 -> addUsage(usage);
            case 0x1 -> usageMin = usage;
            case 0x2 -> {
                if (usageMin == null || (usageMin >>> 16) != (usage >>> 16) || (usage & 0xffff) < (usageMin & 0xffff)) {
                    throw fail("Usage Maximum without a matching Usage Minimum");
                }
                for (int u = usageMin; u <= usage; u++) {
                    addUsage(u);
                }
                usageMin = null;
            }
            default -> { } // designators, strings, delimiters: not used by UPSes
        }
    }

    private void addUsage(int usage) throws HidDescriptorException {
        if (usages.size() >= MAX_USAGES) {
            throw fail("more than " + MAX_USAGES + " usages before a main item");
        }
        usages.add(usage);
    }

    private void resetLocals() {
        usages.clear();
        usageMin = null;
    }

    /** A signed item value, as NUT's FormatValue: sign-extended from its 1, 2 or 4 bytes. */
    private static long signed(long value, int size) {
        return switch (size) {
            case 1 -> (byte) value;
            case 2 -> (short) value;
            case 4 -> (int) value;
            default -> value;
        };
    }

    private static String hex2(int v) {
        return String.format("%02x", v);
    }
}
