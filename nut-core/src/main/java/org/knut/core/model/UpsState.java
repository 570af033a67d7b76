package org.knut.core.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knut.core.sock.DriverLines;

/**
 * What is known about one UPS: its variables (sorted by name, as upsd lists them), its instant commands
 * and whether its data is fresh. Drivers write it; upsd holds a copy fed from the driver socket.
 *
 * <p>Reads are lock-free. Writes are serialised, and every write that changes something is reported to
 * the listeners as the driver-socket line that describes it ({@code SETINFO ...}), which is exactly
 * what a driver broadcasts to its upsd clients.
 */
public final class UpsState {
    /** Receives each change as a driver-socket line (no newline). */
    @FunctionalInterface
    public interface Listener {
        void changed(String socketLine);
    }

    // NUT keeps variables and commands in trees ordered by strcasecmp(): that order is the order of
    // every LIST reply, and names differing only in case are one entry
    private final NavigableMap<String, Variable> vars = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);
    // the same variables by their exact names: clients nearly always spell a name as the driver does,
    // and a hash lookup costs a fraction of a case-folding walk down the skip list (upsd's hot path)
    private final Map<String, Variable> exact = new ConcurrentHashMap<>();
    private final NavigableSet<String> commands = new ConcurrentSkipListSet<>(String.CASE_INSENSITIVE_ORDER);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean dataOk = true;
    /** Changes so far, counted after each is made (written under the lock). */
    private volatile int changes;

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void emit(String line) {
        changes++;
        for (Listener l : listeners) {
            l.changed(line);
        }
    }

    // ---- reads

    public Variable get(String name) {
        Variable v = exact.get(name);
        return v != null ? v : vars.get(name);
    }

    public String value(String name) {
        Variable v = get(name);
        return v == null ? null : v.value();
    }

    public Collection<Variable> variables() {
        return vars.values();
    }

    public Set<String> commands() {
        return commands;
    }

    public boolean hasCommand(String cmd) {
        return commands.contains(cmd);
    }

    /**
     * How many changes have been made so far: while it stays the same, so does everything a reader gets
     * (readers use it to keep what they worked out from the state). Counted after each change is made.
     */
    public int changes() {
        return changes;
    }

    public boolean dataOk() {
        return dataOk;
    }

    // ---- writes (each reports its socket line when it changed something)

    /** Stores {@code v} under its name, which for an update is the name first stored (case and all). */
    private void put(Variable v) {
        vars.put(v.name(), v);
        exact.put(v.name(), v);
    }

    public synchronized void setInfo(String name, String value) {
        Variable old = vars.get(name);
        if (old != null && old.value().equals(value)) {
            return;
        }
        put(old == null ? Variable.of(name, value) : old.withValue(value));
        emit(DriverLines.setInfo(name, value));
    }

    public synchronized void delInfo(String name) {
        Variable removed = vars.remove(name);
        if (removed != null) {
            exact.remove(removed.name());
            emit(DriverLines.delInfo(name));
        }
    }

    public synchronized void setFlags(String name, Set<VarFlag> flags) {
        Variable old = vars.get(name);
        if (old == null || old.flags().equals(flags)) {
            return;
        }
        Variable updated = old.withFlags(flags.isEmpty() ? EnumSet.noneOf(VarFlag.class) : EnumSet.copyOf(flags));
        put(updated);
        emit(DriverLines.setFlags(name, updated.flags())); // the stored set, in the fixed enum order
    }

    public synchronized void setAux(String name, int aux) {
        Variable old = vars.get(name);
        if (old == null || old.aux() == aux) {
            return;
        }
        put(old.withAux(aux));
        emit(DriverLines.setAux(name, aux));
    }

    public synchronized void addEnum(String name, String value) {
        Variable old = vars.get(name);
        if (old == null || old.enums().contains(value)) {
            return;
        }
        put(old.withEnum(value, true));
        emit(DriverLines.addEnum(name, value));
    }

    public synchronized void delEnum(String name, String value) {
        Variable old = vars.get(name);
        if (old == null || !old.enums().contains(value)) {
            return;
        }
        put(old.withEnum(value, false));
        emit(DriverLines.delEnum(name, value));
    }

    public synchronized void addRange(String name, Range r) {
        Variable old = vars.get(name);
        if (old == null || old.ranges().contains(r)) {
            return;
        }
        put(old.withRange(r, true));
        emit(DriverLines.addRange(name, r));
    }

    public synchronized void delRange(String name, Range r) {
        Variable old = vars.get(name);
        if (old == null || !old.ranges().contains(r)) {
            return;
        }
        put(old.withRange(r, false));
        emit(DriverLines.delRange(name, r));
    }

    public synchronized void addCommand(String cmd) {
        if (commands.add(cmd)) {
            emit(DriverLines.addCmd(cmd));
        }
    }

    public synchronized void delCommand(String cmd) {
        if (commands.remove(cmd)) {
            emit(DriverLines.delCmd(cmd));
        }
    }

    public synchronized void setDataOk(boolean ok) {
        if (dataOk != ok) {
            dataOk = ok;
            emit(ok ? "DATAOK" : "DATASTALE");
        }
    }

    /** Forgets everything, as upsd does before it asks a reconnected driver for a new dump. */
    public synchronized void clear() {
        vars.clear();
        exact.clear();
        commands.clear();
        dataOk = true;
        changes++;
    }
}
