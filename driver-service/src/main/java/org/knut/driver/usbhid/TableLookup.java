package org.knut.driver.usbhid;

import java.util.ArrayList;
import java.util.List;

/**
 * An enumeration: HID integers to NUT texts, in table order (the first match wins both ways, as in NUT).
 * Optionally only some bits of the value count ({@code mask}), and a text stands for every other value
 * ({@code fallback}), as some of NUT's C conversions do (Belkin's UPS type and sensitivity).
 */
final class TableLookup implements Lookup {
    private record Entry(long value, String text) {
    }

    private final String name;
    private final long mask;
    private final String fallback;
    private final List<Entry> entries = new ArrayList<>();

    TableLookup(String name) {
        this(name, -1L, null);
    }

    TableLookup(String name, long mask, String fallback) {
        this.name = name;
        this.mask = mask;
        this.fallback = fallback;
    }

    void add(long value, String text) {
        entries.add(new Entry(value, text));
    }

    String name() {
        return name;
    }

    @Override
    public String toNut(double value, Context device) {
        long v = (long) value & mask;
        for (Entry e : entries) {
            if (e.value() == v) {
                return e.text();
            }
        }
        return fallback;
    }

    @Override
    public Double toHid(String text) {
        for (Entry e : entries) {
            if (e.text().equals(text)) {
                return (double) e.value();
            }
        }
        return null;
    }

    @Override
    public List<String> texts() {
        return entries.stream().map(Entry::text).toList();
    }
}
