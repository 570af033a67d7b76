package org.knut.driver.snmp;

import org.knut.core.text.CNumbers;
import java.util.HashMap;
import java.util.Map;

import org.knut.driver.spi.DriverState;

/**
 * Keeps the rows that fit the device's number of phases: rows marked 1-phase only on a single-phase
 * input, output or bypass, rows marked 3-phase only on a three-phase one. The number comes from
 * {@code <input|output|input.bypass>.phases} (published, else read with that table row, else 1) and is
 * published once known.
 */
final class PhaseFilter {
    private final Map<String, Long> counts = new HashMap<>();

    boolean applies(MibEntry e, DriverState state, SnmpReader reader, MibTable table) throws SnmpException {
        return fits(e, "input", EntryFlag.INPUT_1, EntryFlag.INPUT_3, state, reader, table)
                && fits(e, "output", EntryFlag.OUTPUT_1, EntryFlag.OUTPUT_3, state, reader, table)
                && fits(e, "input.bypass", EntryFlag.BYPASS_1, EntryFlag.BYPASS_3, state, reader, table);
    }

    private boolean fits(MibEntry e, String type, EntryFlag one, EntryFlag three, DriverState state, SnmpReader reader,
            MibTable table) throws SnmpException {
        boolean single = e.has(one);
        boolean triple = e.has(three);
        if (single == triple) {
            // no phase condition, or a row valid for both
            return true;
        }
        long n = count(type, state, reader, table);
        return single ? n == 1 : n == 3;
    }

    private long count(String type, DriverState state, SnmpReader reader, MibTable table) throws SnmpException {
        Long known = counts.get(type);
        if (known != null) {
            return known;
        }
        String var = type + ".phases";
        String published = state.value(var);
        long n;
        if (published != null) {
            n = CNumbers.strtolAnyBase(published);
        } else {
            MibEntry row = table.find(var);
            Long read = row != null && row.oid() != null ? reader.integer(row.oid()) : null;
            n = read != null ? read : 1;
        }
        counts.put(type, n);
        state.setInfo(var, Long.toString(n));
        return n;
    }
}
