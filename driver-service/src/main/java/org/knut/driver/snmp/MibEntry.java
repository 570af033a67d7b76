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
}
