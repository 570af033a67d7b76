package org.knut.driver.snmp;

/**
 * No answer to one request within the retries. The agent may be dead, or it may drop requests for
 * this one OID only; {@link SnmpReader#confirmAlive} tells the two apart.
 */
final class SnmpTimeoutException extends SnmpException {
    SnmpTimeoutException(String message) {
        super(message);
    }
}
