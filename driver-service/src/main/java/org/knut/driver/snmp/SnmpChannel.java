package org.knut.driver.snmp;

import org.snmp4j.smi.Variable;

/** GET and SET of single OIDs on one agent. */
interface SnmpChannel extends AutoCloseable {

    /**
     * The value of one OID, or null when the agent answers that it has none (noSuchObject,
     * noSuchInstance, an error status).
     *
     * @throws SnmpException when the agent does not answer or refuses our credentials
     */
    Variable get(String oid) throws SnmpException;

    /**
     * Writes one OID.
     *
     * @return null when the agent accepted it, else the agent's error (e.g. {@code notWritable})
     * @throws SnmpException when the agent does not answer or refuses our credentials
     */
    String set(String oid, Variable value) throws SnmpException;

    @Override
    void close();
}
