package org.knut.driver.snmp;

import org.knut.core.text.CNumbers;
import java.nio.charset.StandardCharsets;

import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.Variable;

/**
 * Reads OIDs as NUT's snmp-ups interprets them (nut_snmp_get_str / nut_snmp_get_int): strings with
 * unprintable bytes become hex, TimeTicks become seconds, an OID value is followed to the object it
 * names (falling back to its last number), any other type (Counter64, IpAddress, exceptions) counts as
 * no answer.
 */
final class SnmpReader {
    /** NUT's SU_INFOSIZE buffer: 127 characters and the terminating NUL. */
    static final int MAX_TEXT = 127;
    /** How many OID values in a row are followed (NUT follows without limit; a loop would hang it). */
    private static final int MAX_FOLLOW = 4;

    private final SnmpChannel channel;

    SnmpReader(SnmpChannel channel) {
        this.channel = channel;
    }

    SnmpChannel channel() {
        return channel;
    }

    /** Whether the agent has a value at this OID (of any type). */
    boolean exists(String oid) throws SnmpException {
        return channel.get(oid) != null;
    }

    /**
     * After a request timed out: returns when the agent still answers its sysObjectID (with any value,
     * or none), so that only that one request was dropped; else throws {@code timeout}, the agent is gone.
     */
    void confirmAlive(SnmpTimeoutException timeout) throws SnmpException {
        try {
            channel.get(MibDetector.SYS_OBJECT_ID);
        } catch (SnmpTimeoutException dead) {
            throw timeout;
        }
    }

    /** One or more reads that may time out. */
    interface Read<T> {
        T run() throws SnmpException;
    }

    /** The read's result, or {@code dropped} when the agent drops its request but still answers otherwise. */
    <T> T unlessDropped(Read<T> read, T dropped) throws SnmpException {
        try {
            return read.run();
        } catch (SnmpTimeoutException timeout) {
            confirmAlive(timeout);
            return dropped;
        }
    }

    /** The OID value at this OID without following it (sysObjectID), or null. */
    String oidValue(String oid) throws SnmpException {
        Variable v = channel.get(oid);
        return v != null && v.getSyntax() == SMIConstants.SYNTAX_OBJECT_IDENTIFIER ? "." + ((OID) v).toDottedString() : null;
    }

    /** The value as text, integers through the lookup when there is one; null when not usable. */
    String text(String oid, Lookup lookup) throws SnmpException {
        return text(oid, lookup, 0);
    }

    private String text(String oid, Lookup lookup, int depth) throws SnmpException {
        Variable v = channel.get(oid);
        if (v == null) {
            return null;
        }
        switch (v.getSyntax()) {
            case SMIConstants.SYNTAX_OCTET_STRING, SMIConstants.SYNTAX_OPAQUE -> {
                return octets(((OctetString) v).getValue());
            }
            case SMIConstants.SYNTAX_INTEGER, SMIConstants.SYNTAX_COUNTER32, SMIConstants.SYNTAX_GAUGE32 -> {
                long n = v.toLong();
                return lookup != null ? lookup.text(n) : Long.toString(n);
            }
            case SMIConstants.SYNTAX_TIMETICKS -> {
                return Long.toString(v.toLong() / 100);
            }
            case SMIConstants.SYNTAX_OBJECT_IDENTIFIER -> {
                OID target = (OID) v;
                String followed = depth < MAX_FOLLOW && target.size() > 0 ? text("." + target.toDottedString(), lookup, depth + 1) : null;
                return followed != null ? followed : lastArc(target);
            }
            default -> {
                return null;
            }
        }
    }

    /** The value as an integer (strings parsed as C's strtol with base 0); null when not usable. */
    Long integer(String oid) throws SnmpException {
        return integer(oid, 0);
    }

    private Long integer(String oid, int depth) throws SnmpException {
        Variable v = channel.get(oid);
        if (v == null) {
            return null;
        }
        switch (v.getSyntax()) {
            case SMIConstants.SYNTAX_OCTET_STRING, SMIConstants.SYNTAX_OPAQUE -> {
                return CNumbers.strtolAnyBase(new String(((OctetString) v).getValue(), StandardCharsets.ISO_8859_1));
            }
            case SMIConstants.SYNTAX_INTEGER, SMIConstants.SYNTAX_COUNTER32, SMIConstants.SYNTAX_GAUGE32 -> {
                return v.toLong();
            }
            case SMIConstants.SYNTAX_TIMETICKS -> {
                return v.toLong() / 100;
            }
            case SMIConstants.SYNTAX_OBJECT_IDENTIFIER -> {
                OID target = (OID) v;
                Long followed = depth < MAX_FOLLOW && target.size() > 0 ? integer("." + target.toDottedString(), depth + 1) : null;
                return followed != null ? followed : CNumbers.strtolAnyBase(lastArc(target));
            }
            default -> {
                return null;
            }
        }
    }

    private static String lastArc(OID oid) {
        return oid.size() == 0 ? "" : Long.toString(oid.getUnsigned(oid.size() - 1));
    }

    /** Printable text as it is (cut at the buffer size), anything else as hex bytes like Net-SNMP prints them. */
    static String octets(byte[] b) {
        boolean printable = true;
        for (byte x : b) {
            int c = x & 0xff;
            if (!(c >= 0x20 && c < 0x7f || c >= '\t' && c <= '\r')) {
                printable = false;
                break;
            }
        }
        if (printable) {
            return new String(b, 0, Math.min(b.length, MAX_TEXT), StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X ", x & 0xff));
        }
        return sb.length() > MAX_TEXT ? sb.substring(0, MAX_TEXT) : sb.toString();
    }
}
