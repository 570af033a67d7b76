package org.knut.driver.snmp;

import java.util.LinkedHashMap;
import java.util.Map;

/** An enumeration of a MIB: SNMP integer to NUT text (NUT's info_lkp_t), in table order. */
record Lookup(String name, Map<Long, String> values) {

    Lookup {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The NUT text for an SNMP value, or null when the table does not know it. */
    String text(long value) {
        return values.get(value);
    }

    /** The SNMP value for a NUT text (the first one in table order), or null. */
    Long value(String text) {
        for (Map.Entry<Long, String> e : values.entrySet()) {
            if (e.getValue().equals(text)) {
                return e.getKey();
            }
        }
        return null;
    }
}
