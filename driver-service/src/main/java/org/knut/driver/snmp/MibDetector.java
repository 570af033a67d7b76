package org.knut.driver.snmp;

import org.jboss.logging.Logger;
import org.knut.driver.spi.DriverException;

/**
 * Finds the table that fits the device, as NUT's load_mib2nut: with {@code mibs=auto} first by the
 * device's sysObjectID (each table that claims it must also answer its model OID), then by trying each
 * table's model OID ({@code device.model}, else {@code ups.model}) in catalog order; with a MIB name,
 * only that table, which must answer its model OID.
 */
final class MibDetector {
    private static final Logger LOG = Logger.getLogger(MibDetector.class);
    static final String SYS_OBJECT_ID = ".1.3.6.1.2.1.1.2.0";

    private final MibCatalog catalog;

    MibDetector(MibCatalog catalog) {
        this.catalog = catalog;
    }

    MibTable detect(SnmpReader reader, String mibs, String ups, String peer) throws DriverException, SnmpException {
        boolean auto = mibs.equals("auto");
        if (!auto && !catalog.knows(mibs)) {
            throw new DriverException("Unknown 'mibs' value: " + mibs);
        }
        if (auto) {
            MibTable bySysOid = bySysOid(reader);
            if (bySysOid != null) {
                return bySysOid;
            }
        }
        for (MibTable t : catalog.tables()) {
            if ((auto || t.name().equals(mibs)) && answersModel(reader, t)) {
                return t;
            }
        }
        if (!auto) {
            throw new DriverException("Requested 'mibs' value '" + mibs + "' did not match this device [" + ups + "] (host " + peer + ")");
        }
        throw new DriverException("No supported device detected at [" + ups + "] (host " + peer + ")");
    }

    private MibTable bySysOid(SnmpReader reader) throws SnmpException {
        String sysOid = reader.oidValue(SYS_OBJECT_ID);
        if (sysOid == null) {
            LOG.debug("no sysObjectID");
            return null;
        }
        for (MibTable t : catalog.tables()) {
            if (sysOid.equals(t.sysOid()) && answersModel(reader, t)) {
                LOG.debugf("sysObjectID %s matches MIB %s", sysOid, t.name());
                return t;
            }
        }
        LOG.infof("No matching MIB found for sysOID '%s', going back to the classic MIB detection method", sysOid);
        return null;
    }

    private static boolean answersModel(SnmpReader reader, MibTable t) throws SnmpException {
        MibEntry model = t.modelEntry();
        return model != null && model.oid() != null && reader.text(model.oid(), null) != null;
    }
}
