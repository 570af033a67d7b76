package org.knut.driver.snmp;

/**
 * The agent could not be talked to: no answer within the retries, or an SNMPv3 security report
 * (wrong user, key or protocol). A walk stops at the first one: the data goes stale.
 */
class SnmpException extends Exception {
    SnmpException(String message) {
        super(message);
    }

    SnmpException(String message, Throwable cause) {
        super(message, cause);
    }
}
