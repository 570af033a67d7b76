package org.knut.upsd.state;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.knut.core.model.UpsState;
import org.knut.core.model.Variable;

/**
 * One UPS as upsd serves it: the state its driver last published, whether that state may be served,
 * the FSD latch and the clients logged into it. upsd owns no UPS data: the driver link replaces the
 * state on every (re)connection. Reads are lock-free (volatile fields, immutable variables).
 */
public final class ServedUps {
    private static final String STATUS = "ups.status";

    private final String name;
    private final String desc;
    private volatile UpsState state = new UpsState();
    private volatile Availability availability = Availability.NOT_CONNECTED;
    private volatile boolean dumped;
    private volatile boolean fsd;
    private volatile DriverChannel channel = DriverChannel.NONE;
    private final Set<Client> logins = ConcurrentHashMap.newKeySet();

    /** {@code desc} may be null (no {@code desc} in ups.conf). */
    public ServedUps(String name, String desc) {
        this.name = name;
        this.desc = desc;
    }

    public String name() {
        return name;
    }

    public String desc() {
        return desc;
    }

    public UpsState state() {
        return state;
    }

    public Availability availability() {
        return availability;
    }

    /** True once the driver's dump is complete on the current connection. */
    public boolean dumped() {
        return dumped;
    }

    /** Connected, dumped and fresh: what readiness means. */
    public boolean ready() {
        return dumped && availability == Availability.OK;
    }

    public DriverChannel channel() {
        return channel;
    }

    // ---- driver link side

    /** A new driver connection: serve only {@code ups.status = WAIT} until its dump is complete. */
    public void linkUp(DriverChannel ch) {
        UpsState wait = new UpsState();
        wait.setInfo(STATUS, "WAIT");
        state = wait;
        dumped = false;
        channel = ch;
        availability = Availability.OK;
    }

    /** The driver's dump is complete: from now on {@code full} is served (and keeps being updated). */
    public void dumpDone(UpsState full) {
        state = full;
        dumped = true;
    }

    public void setAvailability(Availability a) {
        availability = a;
    }

    public void linkDown() {
        availability = Availability.NOT_CONNECTED;
        channel = DriverChannel.NONE;
        dumped = false;
        state = new UpsState();
    }

    // ---- client side

    /** The variable, matched case-insensitively as upsd does; null if the UPS has none such. */
    public Variable variable(String var) {
        UpsState s = state;
        Variable v = s.get(var);
        if (v != null) {
            return v;
        }
        for (Variable candidate : s.variables()) {
            if (candidate.name().equalsIgnoreCase(var)) {
                return candidate;
            }
        }
        return null;
    }

    /** The command's name as the driver spells it (matched case-insensitively), or null. */
    public String command(String cmd) {
        for (String candidate : state.commands()) {
            if (candidate.equalsIgnoreCase(cmd)) {
                return candidate;
            }
        }
        return null;
    }

    /** The value a client sees: {@code ups.status} carries the FSD latch in front. */
    public String servedValue(Variable v) {
        if (fsd && v.name().equalsIgnoreCase(STATUS)) {
            return "FSD " + v.value();
        }
        return v.value();
    }

    public boolean fsd() {
        return fsd;
    }

    /** Latches forced shutdown: it stays until upsd restarts, as in NUT. */
    public void setFsd() {
        fsd = true;
    }

    public void login(Client client) {
        logins.add(client);
    }

    public void logout(Client client) {
        logins.remove(client);
    }

    public int numLogins() {
        return logins.size();
    }

    public Iterable<Client> logins() {
        return logins;
    }
}
