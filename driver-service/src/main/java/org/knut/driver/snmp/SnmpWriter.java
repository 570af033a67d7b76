package org.knut.driver.snmp;

import org.jboss.logging.Logger;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverState;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * Instant commands and writable variables as SNMP SETs (NUT's su_setOID): a command sends its
 * parameter, else the row's default; a variable sends the value through the row's lookup, or divided
 * by the row's multiplier. Rows marked {@code int} are sent as INTEGER, {@code time} as TimeTicks
 * (seconds times 100), other text rows as OCTET STRING.
 */
final class SnmpWriter {
    private static final Logger LOG = Logger.getLogger(SnmpWriter.class);

    private final TableWalk walk;
    private final SnmpChannel channel;
    private final String ups;

    SnmpWriter(TableWalk walk, SnmpChannel channel, String ups) {
        this.walk = walk;
        this.channel = channel;
        this.ups = ups;
    }

    /** Whether the device answers this command's OID (NUT's su_addcmd). */
    boolean offers(MibEntry cmd, SnmpReader reader) throws SnmpException {
        return cmd.oid() != null && reader.exists(cmd.oid());
    }

    TrackingResult instcmd(String command, String parameter) {
        MibEntry row = walk.find(command);
        if (row == null || !row.isCommand() || row.oid() == null) {
            return TrackingResult.UNKNOWN;
        }
        String value = parameter != null ? parameter : row.dflt();
        if (value == null) {
            LOG.infof("[%s] cannot execute command '%s': a provided or default value is needed", ups, command);
            return TrackingResult.INVALID;
        }
        Variable v;
        if (row.kind() == EntryKind.STRING) {
            v = new OctetString(value);
        } else {
            Long n = parseLong(value);
            if (n == null) {
                LOG.infof("[%s] cannot execute command '%s': value is not a number", ups, command);
                return TrackingResult.INVALID;
            }
            v = number(row, n);
            if (v == null) {
                return TrackingResult.INVALID;
            }
        }
        return send(row, v, "command " + command);
    }

    TrackingResult setvar(DriverState state, String var, String value) {
        MibEntry row = walk.find(var);
        if (row == null || row.isCommand() || row.oid() == null || !row.has(EntryFlag.RW) || !walk.usable(row)) {
            return TrackingResult.UNKNOWN;
        }
        Variable v;
        if (row.lookup() != null) {
            Long n = row.lookup().value(value);
            if (n == null) {
                return TrackingResult.INVALID;
            }
            v = number(row, n);
        } else if (row.kind() == EntryKind.STRING && !row.has(EntryFlag.INT) && !row.has(EntryFlag.TIME)) {
            v = new OctetString(value);
        } else {
            Long n = parseLong(value);
            if (n == null) {
                LOG.infof("[%s] cannot set '%s': value is not a number", ups, var);
                return TrackingResult.INVALID;
            }
            v = number(row, row.kind() == EntryKind.STRING ? n : (long) (n / row.scale()));
        }
        if (v == null) {
            return TrackingResult.INVALID;
        }
        TrackingResult r = send(row, v, "variable " + var);
        if (r == TrackingResult.HANDLED) {
            state.setInfo(var, value);
        }
        return r;
    }

    /** An INTEGER, or TimeTicks for {@code time} rows; null when it does not fit the SNMP type. */
    private static Variable number(MibEntry row, long n) {
        if (row.has(EntryFlag.TIME)) {
            long ticks = n * 100;
            return n >= 0 && ticks <= 0xFFFFFFFFL ? new TimeTicks(ticks) : null;
        }
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? new Integer32((int) n) : null;
    }

    private TrackingResult send(MibEntry row, Variable v, String what) {
        try {
            String error = channel.set(row.oid(), v);
            if (error != null) {
                LOG.warnf("[%s] %s: can't set %s: Error in packet: %s", ups, what, row.oid(), error);
                return TrackingResult.FAILED;
            }
            LOG.infof("[%s] %s: set %s to %s", ups, what, row.oid(), v);
            return TrackingResult.HANDLED;
        } catch (SnmpException e) {
            LOG.warnf("[%s] %s: %s", ups, what, e.getMessage());
            return TrackingResult.FAILED;
        }
    }

    /** NUT's str_to_long: the whole text is a base-10 number. */
    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
