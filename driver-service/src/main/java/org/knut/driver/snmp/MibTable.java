package org.knut.driver.snmp;

import java.util.List;

/**
 * One MIB-to-NUT mapping (NUT's mib2nut_info_t), read from a table file.
 *
 * @param name the {@code mibs=} name
 * @param version published in {@code driver.version.data}
 * @param sysOid the sysObjectID this mapping is for, or null
 * @param entries the rows, in table order (the order matters: first answer wins, UNIQUE rows)
 */
record MibTable(String name, String version, String sysOid, List<MibEntry> entries) {

    MibTable {
        entries = List.copyOf(entries);
    }

    /** The first row with this name (commands included), or null. */
    MibEntry find(String var) {
        for (MibEntry e : entries) {
            if (e.name().equalsIgnoreCase(var)) {
                return e;
            }
        }
        return null;
    }

    /** The row whose OID tells whether a device speaks this MIB: device.model, else ups.model. */
    MibEntry modelEntry() {
        MibEntry e = find("device.model");
        return e != null ? e : find("ups.model");
    }
}
