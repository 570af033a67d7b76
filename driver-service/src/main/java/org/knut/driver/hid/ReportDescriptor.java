package org.knut.driver.hid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A parsed report descriptor: its fields in descriptor order, and the data length of each report. */
public final class ReportDescriptor {
    private final List<HidField> fields;
    private final Map<Integer, Integer> reportBytes;

    ReportDescriptor(List<HidField> fields, Map<Integer, Integer> reportBytes) {
        this.fields = List.copyOf(fields);
        this.reportBytes = new TreeMap<>(reportBytes);
    }

    public List<HidField> fields() {
        return fields;
    }

    /** The report ids the descriptor declares (fields or padding). */
    public java.util.Set<Integer> reportIds() {
        return reportBytes.keySet();
    }

    /** Data bytes of a report (without the id byte): the end of its furthest field of any type, as NUT's replen. */
    public int reportLength(int reportId) {
        return reportBytes.getOrDefault(reportId, 0);
    }

    /**
     * The first field of that type whose path starts with {@code path} (NUT's FindObject_with_Path compares
     * the query's nodes only), or null.
     */
    public HidField find(HidPath path, ReportType type) {
        for (HidField f : fields) {
            if (f.type() == type && startsWith(f.path(), path)) {
                return f;
            }
        }
        return null;
    }

    private static boolean startsWith(HidPath p, HidPath prefix) {
        if (prefix.size() > p.size() || prefix.size() == 0) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (p.node(i) != prefix.node(i)) {
                return false;
            }
        }
        return true;
    }

    /** The input fields of one report, in order: what an interrupt report carries. */
    public List<HidField> inputs(int reportId) {
        List<HidField> out = new ArrayList<>();
        for (HidField f : fields) {
            if (f.reportId() == reportId && f.type() == ReportType.INPUT) {
                out.add(f);
            }
        }
        return out;
    }

    /** The first field of a report whose own usage is {@code usage} (NUT's FindObject_with_ID_Node), or null. */
    public HidField findByIdAndUsage(int reportId, int usage) {
        for (HidField f : fields) {
            if (f.reportId() == reportId && f.path().usage() == usage) {
                return f;
            }
        }
        return null;
    }

    /** A copy where {@code fix} replaced one field (subdrivers repair known firmware mistakes this way). */
    public ReportDescriptor with(HidField old, UnaryOperator<HidField> fix) {
        List<HidField> out = new ArrayList<>(fields);
        int i = out.indexOf(old);
        if (i >= 0) {
            out.set(i, fix.apply(old));
        }
        return new ReportDescriptor(out, reportBytes);
    }
}
