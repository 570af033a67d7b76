package org.knut.driver.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.text.CNumbers;

/**
 * What a driver writes its data into: a {@link UpsState} plus the rules NUT's dstate layer applies on
 * the driver side. Variables forced with {@code override.<var>} in ups.conf are immutable (the driver's
 * own values and flags for them are ignored), values are cut to NUT's maximum length, and
 * {@link #status} implements the {@code ignorelb} flag.
 *
 * <p>Every write is serialised on this object, and the state's listeners (the socket broadcast) run
 * inside that lock; {@link #locked} lets a reader take a consistent dump between writes.
 */
public final class DriverState {
    /** NUT's ST_MAX_VALUE_LEN is 256 bytes including the terminating NUL. */
    public static final int MAX_VALUE_LENGTH = 255;

    private static final String STATUS = "ups.status";

    private final UpsState state;
    private final Set<String> immutable;
    private final boolean ignoreLb;
    private boolean forcedShutdown; // guarded by this

    public DriverState(UpsState state, Set<String> immutable, boolean ignoreLb) {
        this.state = state;
        this.immutable = Set.copyOf(immutable);
        this.ignoreLb = ignoreLb;
    }

    public UpsState upsState() {
        return state;
    }

    public String value(String name) {
        return state.value(name);
    }

    public boolean isImmutable(String name) {
        return immutable.contains(name);
    }

    public synchronized void setInfo(String name, String value) {
        if (immutable.contains(name)) {
            return;
        }
        String v = forcedShutdown && name.equals(STATUS) && !hasFsd(value) ? (value.isEmpty() ? "FSD" : "FSD " + value) : value;
        state.setInfo(name, v.length() > MAX_VALUE_LENGTH ? v.substring(0, MAX_VALUE_LENGTH) : v);
    }

    /**
     * Latches forced shutdown: from now on {@code ups.status} starts with FSD, whatever the device says,
     * until the driver restarts (as upsd's FSD lasts until upsd restarts). upsd replicas pass a primary
     * upsmon's FSD here so that every replica serves it.
     */
    public synchronized void forceShutdown() {
        if (forcedShutdown) {
            return;
        }
        forcedShutdown = true;
        String status = state.value(STATUS);
        setInfo(STATUS, status == null ? "" : status);
    }

    private static boolean hasFsd(String status) {
        return status.equals("FSD") || status.startsWith("FSD ");
    }

    public synchronized void delInfo(String name) {
        if (!immutable.contains(name)) {
            state.delInfo(name);
        }
    }

    public synchronized void setFlags(String name, Set<VarFlag> flags) {
        if (!immutable.contains(name)) {
            state.setFlags(name, flags.isEmpty() ? EnumSet.noneOf(VarFlag.class) : EnumSet.copyOf(flags));
        }
    }

    public synchronized void setAux(String name, int aux) {
        state.setAux(name, aux);
    }

    public synchronized void addEnum(String name, String value) {
        state.addEnum(name, value);
    }

    public synchronized void delEnum(String name, String value) {
        state.delEnum(name, value);
    }

    public synchronized void addRange(String name, Range range) {
        state.addRange(name, range);
    }

    public synchronized void delRange(String name, Range range) {
        state.delRange(name, range);
    }

    public synchronized void addCommand(String command) {
        state.addCommand(command);
    }

    public synchronized void delCommand(String command) {
        state.delCommand(command);
    }

    public synchronized void dataOk() {
        state.setDataOk(true);
    }

    public synchronized void dataStale() {
        state.setDataOk(false);
    }

    /**
     * Publishes {@code ups.status} from its tokens (NUT's status_init/status_set/status_commit). With
     * {@code ignorelb} the device's own LB is dropped and LB is derived from battery.charge below
     * battery.charge.low, or battery.runtime below battery.runtime.low.
     */
    public synchronized void status(Collection<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size() + 1);
        for (String t : tokens) {
            if (!(ignoreLb && t.equalsIgnoreCase("LB"))) {
                out.add(t);
            }
        }
        if (ignoreLb && (below("battery.charge", "battery.charge.low") || below("battery.runtime", "battery.runtime.low"))) {
            out.add("LB");
        }
        setInfo("ups.status", String.join(" ", out));
    }

    private boolean below(String var, String lowVar) {
        String v = state.value(var);
        String low = state.value(lowVar);
        return v != null && low != null && CNumbers.strtol(v) < CNumbers.strtol(low);
    }

    /** Runs {@code action} while no write can happen, e.g. to take a dump that broadcasts cannot overtake. */
    public synchronized void locked(Runnable action) {
        action.run();
    }
}
