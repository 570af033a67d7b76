package org.knut.driver.snmp;

import org.knut.core.text.CNumbers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.core.model.VarFlag;
import org.knut.driver.spi.DriverState;

/**
 * Reads a MIB table into the driver state, as NUT's snmp_ups_walk does: the start-up walk reads every
 * row and drops the rows the device does not answer (and the 1-phase or 3-phase rows that do not fit
 * the device); later walks re-read the remaining rows except static ones, semi-static rows every
 * {@code semistaticfreq} walks. {@code ups.status} and {@code ups.alarm} are rebuilt on every later walk.
 *
 * <p>A request without an answer ends the walk only when the agent does not answer its sysObjectID
 * either (a dead agent: the caller marks the data stale instead of waiting for every remaining OID to
 * time out); any other {@link SnmpException} (refused credentials) ends it too. A row the agent alone
 * drops keeps its last value (and its last {@code ups.status}/{@code ups.alarm} words), is marked stale
 * and is asked again every {@value #RETRY_EVERY} walks, as NUT's {@code SU_STALE_RETRY} did; the rest
 * of the table stays fresh. Unlike a row without a value (noSuchObject), it is not dropped at start-up.
 */
final class TableWalk {
    private static final Logger LOG = Logger.getLogger(TableWalk.class);
    /** A row whose request timed out is asked again in every this many walks. */
    static final int RETRY_EVERY = 10;

    /** What NUT keeps in a row's flags while running. */
    private static final class RowState {
        boolean ok = true;
        boolean isStatic;
        boolean uniquePending;
        boolean stale;
        /** Walks to leave out after a timeout. */
        int skip;
        /** What a status or alarm row said last time. */
        String words;

        void carry(MibEntry e, List<String> status, List<String> alarms) {
            if (words != null && !words.isEmpty()) {
                (e.kind() == EntryKind.STATUS ? status : alarms).add(words);
            }
        }
    }

    private final MibTable table;
    private final SnmpReader reader;
    private final String upsName;
    private final WalkOptions options;
    private final Map<MibEntry, RowState> rows = new IdentityHashMap<>();
    /** The rows in walk order, each template row replaced by its outlets' rows at start-up. */
    private final List<MibEntry> order = new ArrayList<>();
    private final OutletTemplates outlets;
    private final PhaseFilter phases = new PhaseFilter();
    private int semiStaticCountdown;

    TableWalk(MibTable table, SnmpReader reader, String upsName, WalkOptions options) {
        this.table = table;
        this.reader = reader;
        this.upsName = upsName;
        this.options = options;
        this.semiStaticCountdown = options.semiStaticFreq();
        this.outlets = new OutletTemplates(table, reader);
        for (MibEntry e : table.entries()) {
            if (!e.isTemplate()) {
                track(e);
            }
        }
    }

    private void track(MibEntry e) {
        RowState r = new RowState();
        r.isStatic = e.has(EntryFlag.STATIC);
        r.uniquePending = e.has(EntryFlag.UNIQUE);
        r.ok = !(options.noTransferOids() && (e.name().equals("input.transfer.low") || e.name().equals("input.transfer.high")));
        rows.put(e, r);
        order.add(e);
    }

    /** Every row after start-up, outlets' rows included, in table order. */
    List<MibEntry> rows() {
        return List.copyOf(order);
    }

    /** The first row with this name (commands and outlets' rows included), or null. */
    MibEntry find(String var) {
        for (MibEntry e : order) {
            if (e.name().equalsIgnoreCase(var)) {
                return e;
            }
        }
        return null;
    }

    /** Whether a row is in use (answered at start-up and not displaced by a UNIQUE row). */
    boolean usable(MibEntry e) {
        RowState r = rows.get(e);
        return r != null && r.ok;
    }

    /**
     * The start-up walk; its status and alarm tokens are dropped, as NUT only commits them on updates.
     * Template rows become one row per outlet where the walk reaches them, after outlet.count.
     */
    void init(DriverState state) throws SnmpException {
        order.clear();
        List<String> status = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        for (MibEntry e : table.entries()) {
            if (e.isTemplate()) {
                for (MibEntry outlet : outlets.instances(e, state)) {
                    track(outlet);
                    visit(state, true, outlet, status, alarms);
                }
            } else {
                order.add(e);
                visit(state, true, e, status, alarms);
            }
        }
    }

    /** A later walk; publishes ups.status (with ALARM first while alarms are active) and ups.alarm. */
    void update(DriverState state) throws SnmpException {
        semiStaticCountdown--;
        if (semiStaticCountdown < 0) {
            semiStaticCountdown = options.semiStaticFreq();
        }
        List<String> status = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        for (MibEntry e : order) {
            visit(state, false, e, status, alarms);
        }
        if (alarms.isEmpty()) {
            state.delInfo("ups.alarm");
        } else {
            state.setInfo("ups.alarm", String.join(" ", alarms));
            status.add(0, "ALARM");
        }
        state.status(status);
    }

    /** One row of a walk. */
    private void visit(DriverState state, boolean init, MibEntry e, List<String> status, List<String> alarms)
            throws SnmpException {
        RowState r = rows.get(e);
        if (e.isCommand() || !r.ok) {
            return;
        }
        if (!init && e.has(EntryFlag.SEMI_STATIC) && semiStaticCountdown != 0) {
            return;
        }
        if (!init && r.isStatic && !r.stale) {
            // a static row that timed out at start-up is read until it answers once
            return;
        }
        if (e.has(EntryFlag.ABSENT)) {
            if (init) {
                publish(state, e, null);
                r.isStatic = true;
            }
            return;
        }
        if (r.skip > 0) {
            r.skip--;
            r.carry(e, status, alarms);
            return;
        }
        boolean answered;
        try {
            if (!phases.applies(e, state, reader, table)) {
                r.ok = false;
                return;
            }
            answered = read(state, e, r, status, alarms);
        } catch (SnmpTimeoutException timeout) {
            reader.confirmAlive(timeout);
            r.skip = RETRY_EVERY - 1;
            r.carry(e, status, alarms);
            if (!r.stale) {
                LOG.infof("[%s] no answer for %s (%s), asking again every %d walks", upsName, e.name(), e.oid(), RETRY_EVERY);
                r.stale = true;
            }
            return;
        }
        if (answered) {
            if (r.stale) {
                LOG.infof("[%s] data resumed for %s", upsName, e.name());
                r.stale = false;
            }
            if (r.uniquePending) {
                disableCompetition(e);
                r.uniquePending = false;
            }
        } else if (init) {
            r.ok = false;
        } else if (!r.stale) {
            LOG.infof("[%s] data stale for %s", upsName, e.name());
            r.stale = true;
        }
    }

    /** One row (NUT's su_ups_get); false when the device gave no usable answer. */
    private boolean read(DriverState state, MibEntry e, RowState r, List<String> status, List<String> alarms)
            throws SnmpException {
        switch (e.kind()) {
            case STATUS, ALARM -> {
                Long v = reader.integer(e.oid());
                r.words = v == null ? null : e.lookup().text(v);
                r.carry(e, status, alarms);
                return v != null;
            }
            default -> {
                String value = value(e, r);
                if (value == null) {
                    return false;
                }
                publish(state, e, value);
                return true;
            }
        }
    }

    private String value(MibEntry e, RowState r) throws SnmpException {
        if (e.oid() == null) {
            return e.dflt();
        }
        if (e.name().equalsIgnoreCase("ambient.temperature")) {
            return temperature(e);
        }
        if (e.kind() == EntryKind.STRING) {
            String text = reader.text(e.oid(), e.lookup());
            if (text != null && options.symmetraThreePhase()
                    && (e.name().equalsIgnoreCase("input.transfer.low") || e.name().equalsIgnoreCase("input.transfer.high"))) {
                // line-to-line voltage to line-to-neutral
                text = CNumbers.fixed(CNumbers.strtod(text) * 0.707, 2);
            }
            return text;
        }
        Long v = reader.integer(e.oid());
        if (v == null) {
            return null;
        }
        if (e.has(EntryFlag.NEG_INVALID) && v < 0 || e.has(EntryFlag.ZERO_INVALID) && v == 0) {
            // NUT also disables the other rows of a UNIQUE name here, then publishes them once at start-up
            // and never again; keeping them in use gives the same start-up values and live updates
            r.ok = false;
            r.uniquePending = false;
            return null;
        }
        String text = e.lookup() != null ? e.lookup().text(v) : null;
        return text != null ? text : scaled(v, e.scale());
    }

    /** NUT always prints ambient.temperature with one decimal; APC's IEM probe may report Fahrenheit. */
    private String temperature(MibEntry e) throws SnmpException {
        Long v = reader.integer(e.oid());
        if (v == null) {
            return null;
        }
        float celsius;
        if (e.unitOid() != null) {
            Long unit = reader.integer(e.unitOid());
            celsius = unit == null || unit == 2 ? (float) ((v - 32) / 1.8) : v;
        } else {
            celsius = (float) (v * e.scale());
        }
        return CNumbers.fixed(celsius, 1);
    }

    /** NUT's su_setinfo: the value (or the row's default), its flags, and for writable rows its enumeration. */
    static void publish(DriverState state, MibEntry e, String value) {
        String v = value != null ? value : e.dflt();
        if (v == null || e.isCommand() || e.kind() == EntryKind.STATUS || e.kind() == EntryKind.ALARM) {
            return;
        }
        state.setInfo(e.name(), v);
        Set<VarFlag> flags = EnumSet.noneOf(VarFlag.class);
        if (e.has(EntryFlag.RW)) {
            flags.add(VarFlag.RW);
        }
        if (e.kind() == EntryKind.STRING) {
            flags.add(VarFlag.STRING);
            state.setAux(e.name(), (int) e.scale());
        }
        state.setFlags(e.name(), flags);
        if (e.has(EntryFlag.RW) && e.lookup() != null) {
            for (String text : e.lookup().values().values()) {
                if (!text.isEmpty()) {
                    state.addEnum(e.name(), text);
                }
            }
        }
    }

    private void disableCompetition(MibEntry winner) {
        for (Map.Entry<MibEntry, RowState> other : rows.entrySet()) {
            if (other.getKey() != winner && other.getKey().name().equals(winner.name())) {
                other.getValue().ok = false;
            }
        }
    }

    /**
     * A scaled reading as snmp-ups prints it: {@code %i} of the truncated value when that is equal as a
     * float, else {@code %.2f} of the value as a float (rounded half-even on its exact binary value, as
     * glibc's printf does).
     */
    static String scaled(long raw, double scale) {
        double d = raw * scale;
        int truncated = (int) d;
        if (Math.abs((float) truncated - (float) d) <= Math.ulp(1.0f)) {
            return Integer.toString(truncated);
        }
        return CNumbers.fixed((float) d, 2);
    }
}
