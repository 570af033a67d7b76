package org.knut.upsd.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.knut.core.model.UpsState;
import org.knut.core.model.Variable;
import org.knut.core.protocol.NutError;
import org.knut.core.sock.ReplicaLogins;
import org.knut.upsd.events.UpsEvent;
import org.knut.upsd.events.UpsEvents;

/**
 * One UPS as upsd serves it: the state its driver last published, whether that state may be served,
 * the FSD latch and the clients logged into it. upsd owns no UPS data: the driver link replaces the
 * state on every (re)connection. Reads are lock-free (volatile fields, immutable variables). Changes
 * that matter to subscribers (status, FSD, driver up/down, staleness) are published as {@link UpsEvent}s.
 */
public final class ServedUps {
    private static final String STATUS = "ups.status";

    private final String name;
    private final String desc;
    private final UpsEvents events;
    private String publishedStatus; // guarded by this: the served status subscribers were last told
    private volatile UpsState state = new UpsState();
    private volatile Availability availability = Availability.NOT_CONNECTED;
    private volatile boolean dumped;
    private volatile boolean fsd;
    private volatile DriverChannel channel = DriverChannel.NONE;
    /** Transitions of state, availability and FSD so far, counted after each is made (see answerStamp). */
    private volatile int transitions;
    private final Set<Client> logins = ConcurrentHashMap.newKeySet();
    private final String replicaId;
    private final Map<String, ReplicaLogins> otherReplicas = new ConcurrentHashMap<>();

    /** {@code desc} may be null (no {@code desc} in ups.conf). */
    /** {@code replicaId} names this upsd towards the driver when it tells who is logged in here. */
    public ServedUps(String name, String desc, UpsEvents events, String replicaId) {
        this.name = name;
        this.desc = desc;
        this.events = events;
        this.replicaId = replicaId;
    }

    public ServedUps(String name, String desc) {
        this(name, desc, new UpsEvents(), "upsd");
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

    /**
     * One word for where the UPS stands: {@code OK}, {@code WAIT} (connected, dump not complete), or the
     * NUT error a client would get ({@code DRIVER-NOT-CONNECTED}, {@code DATA-STALE}).
     */
    public String condition() {
        NutError e = availability.error();
        if (e != null) {
            return e.code();
        }
        return dumped ? "OK" : "WAIT";
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
        transitions++;
    }

    /** The driver's dump is complete: from now on {@code full} is served (and keeps being updated). */
    public void dumpDone(UpsState full) {
        state = full;
        dumped = true;
        transitions++;
        events.publish(UpsEvent.DRIVER, name, "connected", true);
        statusUpdated();
    }

    /**
     * The served status (driver's status, FSD latch in front) may have changed: tells subscribers when it
     * did, and sends {@code fsd} when FSD enters it. Every replica thus sends the same events for an FSD,
     * whether it latched FSD itself or heard it from the driver that another replica told.
     */
    public void statusUpdated() {
        if (!dumped) {
            return;
        }
        String raw = state.value(STATUS);
        if (raw == null) {
            return;
        }
        String now = served(raw);
        String before;
        synchronized (this) {
            before = publishedStatus;
            if (now.equals(before)) {
                return;
            }
            publishedStatus = now;
            events.publish(UpsEvent.STATUS, name, "status", now, "previous", before);
            if (hasFsd(now) && (before == null || !hasFsd(before))) {
                events.publish(UpsEvent.FSD, name, "status", now);
            }
        }
    }

    private static boolean hasFsd(String status) {
        return status.startsWith("FSD") && (status.length() == 3 || status.charAt(3) == ' ');
    }

    public void setAvailability(Availability a) {
        Availability before = availability;
        availability = a;
        transitions++;
        if (before != a && (before == Availability.STALE || a == Availability.STALE)) {
            events.publish(UpsEvent.STALE, name, "stale", a == Availability.STALE);
        }
    }

    public void linkDown() {
        otherReplicas.clear(); // the driver tells them again on the next connection
        boolean wasUp = dumped;
        availability = Availability.NOT_CONNECTED;
        channel = DriverChannel.NONE;
        dumped = false;
        state = new UpsState();
        transitions++;
        if (wasUp) {
            events.publish(UpsEvent.DRIVER, name, "connected", false);
        }
    }

    // ---- client side

    /**
     * Stays the same for as long as every reply about this UPS's variables and availability does (its
     * state, that state's contents, availability, FSD), so that a connection asking the same again may
     * send its last reply again. Each writer counts after its change, so a stamp read before a reply is
     * worked out is never newer than what the reply shows.
     */
    public long answerStamp() {
        int t = transitions;
        return ((long) t << 32) | (state.changes() & 0xFFFFFFFFL);
    }

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
        return v.name().equalsIgnoreCase(STATUS) ? served(v.value()) : v.value();
    }

    /** The status with the FSD latch in front, unless the driver already publishes FSD itself. */
    private String served(String status) {
        if (fsd && !hasFsd(status)) {
            return "FSD " + status;
        }
        return status;
    }

    public boolean fsd() {
        return fsd;
    }

    /** Latches forced shutdown: it stays until upsd restarts, as in NUT. */
    public void setFsd() {
        fsd = true;
        transitions++;
        statusUpdated();
    }

    /** The status a client would read now, or null when there is none. */
    public String currentStatus() {
        String s = state.value(STATUS);
        return s == null ? null : served(s);
    }

    public void login(Client client) {
        logins.add(client);
        announceLogins();
    }

    public void logout(Client client) {
        logins.remove(client);
        announceLogins();
    }

    /** Tells the driver who is logged in through this replica (knut drivers relay it to the other replicas). */
    public void announceLogins() {
        List<String> addresses = new ArrayList<>();
        for (Client c : logins) {
            addresses.add(c.address());
        }
        channel.send(new ReplicaLogins(replicaId, addresses.size(), addresses).line());
    }

    /** What the driver relayed from another replica; our own line, if echoed, is ignored. */
    public void otherReplica(ReplicaLogins r) {
        if (r.replica().equals(replicaId)) {
            return;
        }
        if (r.count() == 0) {
            otherReplicas.remove(r.replica());
        } else {
            otherReplicas.put(r.replica(), r);
        }
    }

    /** Logins through every replica on this UPS's driver: what NUMLOGINS answers. */
    public int numLogins() {
        int n = logins.size();
        for (ReplicaLogins r : otherReplicas.values()) {
            n += r.count();
        }
        return n;
    }

    /** The addresses of the clients logged in through every replica: what LIST CLIENT answers. */
    public List<String> clientAddresses() {
        List<String> out = new ArrayList<>();
        for (Client c : logins) {
            out.add(c.address());
        }
        for (ReplicaLogins r : otherReplicas.values()) {
            out.addAll(r.addresses());
        }
        return out;
    }
}
