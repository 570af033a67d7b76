package org.knut.driver.snmp;

import java.util.Set;

/**
 * One row of a MIB table (NUT's snmp_info_t).
 *
 * @param kind what the row publishes
 * @param name the NUT variable or command name
 * @param scale multiplier for numbers, maximum length for strings
 * @param oid the OID, or null for a row that only has a default
 * @param dflt the default value (published for absent rows, sent by commands), or null
 * @param flags row options
 * @param lookup value enumeration, or null
 * @param unitOid for temperatures: an OID whose value 2 (or no answer) means the reading is in Fahrenheit
 * @param line where the row is in its table file, for messages
 */
record MibEntry(EntryKind kind, String name, double scale, String oid, String dflt, Set<EntryFlag> flags, Lookup lookup,
        String unitOid, int line) {

    MibEntry {
        flags = Set.copyOf(flags);
    }

    boolean has(EntryFlag flag) {
        return flags.contains(flag);
    }

    boolean isCommand() {
        return kind == EntryKind.COMMAND;
    }

    /** The text that a template row's name, OID and default carry where the outlet number goes. */
    static final String NUMBER = "%i";
    /** The name prefix of outlet templates, the only templates there are (NUT's SU_OUTLET). */
    static final String OUTLET_TEMPLATE = "outlet." + NUMBER + ".";

    /** A row for each outlet ({@code outlet.%i.*}), instantiated once the outlets are known. */
    boolean isTemplate() {
        return name.contains(NUMBER);
    }

    /** This template row for outlet {@code n}. */
    MibEntry instance(int n) {
        String number = Integer.toString(n);
        return new MibEntry(kind, name.replace(NUMBER, number), scale, oid == null ? null : oid.replace(NUMBER, number),
                dflt == null ? null : dflt.replace(NUMBER, number), flags, lookup, unitOid, line);
    }
}
