package org.knut.driver.snmp;

import java.util.ArrayList;
import java.util.List;

import org.knut.driver.spi.DriverState;

/**
 * Instantiates a table's {@code outlet.%i.*} rows, as NUT's process_template: one row per outlet, the
 * number in the name and in the OID alike. How many comes from {@code outlet.count}, which a row
 * earlier in the table publishes (no count, no outlets). Where the numbers start is found once, from
 * the first template row with an OID: at 0 when the agent has a value for outlet 0, else at 1. A count
 * above {@value #MAX_OUTLETS} counts as none.
 */
final class OutletTemplates {
    /** More outlets than this is taken for a broken count, not a device (each would cost a row per template). */
    static final int MAX_OUTLETS = 1024;

    private final MibTable table;
    private final SnmpReader reader;
    private Integer base;

    OutletTemplates(MibTable table, SnmpReader reader) {
        this.table = table;
        this.reader = reader;
    }

    List<MibEntry> instances(MibEntry template, DriverState state) throws SnmpException {
        int count = count(state.value("outlet.count"));
        List<MibEntry> out = new ArrayList<>();
        if (count > 0) {
            int first = base();
            for (int n = first; n < first + count; n++) {
                out.add(template.instance(n));
            }
        }
        return out;
    }

    private int base() throws SnmpException {
        if (base == null) {
            base = 1;
            for (MibEntry e : table.entries()) {
                if (e.isTemplate() && e.oid() != null) {
                    MibEntry zero = e.instance(0);
                    base = reader.unlessDropped(() -> reader.exists(zero.oid()), false) ? 0 : 1;
                    break;
                }
            }
        }
        return base;
    }

    private static int count(String published) {
        try {
            int n = published == null ? 0 : Integer.parseInt(published.trim());
            return n <= MAX_OUTLETS ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
