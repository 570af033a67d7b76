package org.knut.driver.snmp;

/**
 * The agent could not be talked to: no answer within the retries ({@link SnmpTimeoutException}), or
 * an SNMPv3 security report (wrong user, key or protocol).
 */
class SnmpException extends Exception {
    SnmpException(String message) {
        super(message);
    }

    SnmpException(String message, Throwable cause) {
        super(message, cause);
    }
}
