package org.knut.driver.usbhid;

import java.util.ArrayList;
import java.util.List;

/** An enumeration: HID integers to NUT texts, in table order (the first match wins both ways, as in NUT). */
final class TableLookup implements Lookup {
    private record Entry(long value, String text) {
    }

    private final String name;
    private final List<Entry> entries = new ArrayList<>();

    TableLookup(String name) {
        this.name = name;
    }

    void add(long value, String text) {
        entries.add(new Entry(value, text));
    }

    String name() {
        return name;
    }

    @Override
    public String toNut(double value, DeviceStrings strings) {
        for (Entry e : entries) {
            if (e.value() == (long) value) {
                return e.text();
            }
        }
        return null;
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
