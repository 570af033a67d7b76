package org.knut.admin.fleet;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.knut.admin.upsd.Upsd;
import org.knut.admin.upsd.UpsdException;
import org.knut.core.config.HostsConf;

/**
 * One UPS of hosts.conf: the upsd that serves it, its latest reading, its history and its events.
 * {@link #refresh} is called by the poller and, for a knut upsd, at once on each of its events.
 */
public final class MonitoredUps {
    private final HostsConf.Monitor monitor;
    private final Upsd upsd;
    private final History history;
    private final EventLog events;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile Reading latest;
    private Reading lastGood;

    public MonitoredUps(HostsConf.Monitor monitor, Upsd upsd, int historySize, int eventLogSize) {
        this.monitor = monitor;
        this.upsd = upsd;
        this.history = new History(historySize);
        this.events = new EventLog(eventLogSize);
    }

    /** The UPS as written in hosts.conf ({@code demo@localhost:3493}): its key in URLs. */
    public String system() {
        return monitor.system();
    }

    /** The UPS's name on its upsd. */
    public String name() {
        return monitor.id().ups();
    }

    public String description() {
        return monitor.description();
    }

    public Upsd upsd() {
        return upsd;
    }

    /** The latest reading, null before the first. */
    public Reading latest() {
        return latest;
    }

    public History history() {
        return history;
    }

    public EventLog events() {
        return events;
    }

    /** Marks a refresh as queued; false when one already is (so bursts of events cost one read). */
    boolean queueRefresh() {
        return refreshQueued.compareAndSet(false, true);
    }

    /** Reads the UPS from its upsd; true when what the UI shows of it changed. */
    synchronized boolean refresh(Clock clock) {
        refreshQueued.set(false);
        Reading r;
        try {
            r = Reading.of(clock.instant(), upsd.variables(name()));
        } catch (UpsdException e) {
            r = Reading.failed(clock.instant(), e);
        }
        return accept(r);
    }

    synchronized boolean accept(Reading r) {
        Reading before = latest;
        Transitions.between(before, lastGood, r).forEach(events::add);
        if (r.ok()) {
            history.add(r);
            lastGood = r;
        }
        latest = r;
        return before == null || !Objects.equals(before.error(), r.error()) || !Objects.equals(before.status(), r.status())
                || metricsDiffer(before, r);
    }

    private static boolean metricsDiffer(Reading a, Reading b) {
        for (Metric m : Metric.values()) {
            if (!Objects.equals(a.variables().get(m.variable()), b.variables().get(m.variable()))) {
                return true;
            }
        }
        return false;
    }
}
