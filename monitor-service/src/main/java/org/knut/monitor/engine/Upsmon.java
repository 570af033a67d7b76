package org.knut.monitor.engine;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.core.config.UpsmonConf.Timings;
import org.knut.core.protocol.NutException;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.notify.Notifier;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.PowerdownFlag;

/**
 * upsmon's main loop: poll every MONITORed UPS (POLLFREQ, or POLLFREQALERT while one is on battery),
 * add up the power values of those that are not critical, and when that falls below MINSUPPLIES run
 * the shutdown. Single-threaded like upsmon; {@link #cycle} is one turn of the loop, so tests drive it
 * step by step with a fake {@link TimeSource}.
 */
public final class Upsmon {
    /** The {@code ups.status} upsd serves while a driver's dump is not complete. */
    static final String UPSD_WAITING = "WAIT";
    private static final Logger LOG = Logger.getLogger(Upsmon.class);

    public enum State {
        STARTING, RUNNING, SHUTTING_DOWN, FINISHED, STOPPED
    }

    private final MonitorSettings settings;
    private final UpsmonConf conf;
    private final TimeSource time;
    private final List<MonitoredUps> upses = new ArrayList<>();
    private final Map<MonitoredUps, PollFailureLog> failures = new LinkedHashMap<>();
    private final CriticalRules rules;
    private final ShutdownSequence shutdown;
    private final EventTimers timers;
    private final PollRequests pollRequests = new PollRequests();

    private volatile State state = State.STARTING;
    private volatile boolean stopRequested;
    private volatile List<UpsView> views = List.of();
    private volatile List<String> lastShutdown = List.of();
    private volatile boolean lastShutdownAlone;
    /** The shutdown ran (a dry run goes on watching): not again until the power is back above MINSUPPLIES. */
    private boolean shutdownDone;

    /** The engine with upsmon.conf's roles. */
    public Upsmon(MonitorSettings settings, UpsLinkFactory links, Notifier notifier, HostShutdown host, PowerdownFlag flag,
            CommandRunner commands, TimeSource time) {
        this(settings, links, Roles.CONFIGURED, notifier, host, flag, commands, time);
    }

    public Upsmon(MonitorSettings settings, UpsLinkFactory links, Roles roles, Notifier notifier, HostShutdown host,
            PowerdownFlag flag, CommandRunner commands, TimeSource time) {
        this.settings = settings;
        this.conf = settings.conf();
        this.time = time;
        for (Monitor m : conf.monitors()) {
            MonitoredUps u = new MonitoredUps(m, links.create(m), roles, conf.timings(), notifier);
            upses.add(u);
            failures.put(u, new PollFailureLog(m.system(), conf.pollFailLogThrottleMax()));
        }
        this.rules = new CriticalRules(conf, settings.thresholds());
        this.shutdown = new ShutdownSequence(conf, settings.dryRun(), roles, notifier, host, flag, time);
        this.timers = new EventTimers(settings.timers(), commands, time);
        notifier.addListener(timers);
    }

    public State state() {
        return state;
    }

    /** The MONITOR lines this engine watches. */
    public List<Monitor> monitors() {
        return upses.stream().map(u -> u.monitor).toList();
    }

    /** The UPSes as of the last poll cycle. */
    public List<UpsView> views() {
        return views;
    }

    /** The logged steps of the last shutdown (a dry run's included), empty before one. */
    public List<String> lastShutdown() {
        return lastShutdown;
    }

    /** Whether the last shutdown was this host leaving alone on its own threshold (no FSD, role handed on). */
    public boolean lastShutdownAlone() {
        return lastShutdownAlone;
    }

    public EventTimers timers() {
        return timers;
    }

    /** Where upsd's events ask for a poll before the next regular one. */
    public PollRequests pollRequests() {
        return pollRequests;
    }

    /** Runs the loop until {@link #stop} or until the shutdown is done and SHUTDOWNEXIT lets the monitor exit. */
    public void run() {
        state = State.RUNNING;
        LOG.infof("monitoring %d UPS(es), MINSUPPLIES %d, POLLFREQ %d s, POLLFREQALERT %d s%s", upses.size(),
                conf.minSupplies(), conf.timings().pollFreq(), conf.timings().pollFreqAlert(),
                settings.dryRun() ? " (dry run: FSD, POWERDOWNFLAG and the shutdown command are only logged)" : "");
        try {
            Set<String> asked = Set.of();
            while (!stopRequested && state != State.FINISHED) {
                try {
                    cycle(asked.isEmpty() ? upses : named(asked));
                } catch (RuntimeException e) {
                    LOG.error("monitor cycle failed", e);
                }
                if (state == State.FINISHED || stopRequested) {
                    break;
                }
                asked = waitForNextPoll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (MonitoredUps u : upses) {
                u.link.close();
            }
            if (state != State.FINISHED) {
                state = State.STOPPED;
            }
        }
    }

    /** Asks {@link #run} to end after the current step; interrupt its thread to end a wait at once. */
    public void stop() {
        stopRequested = true;
    }

    /** One turn of upsmon's loop: poll every UPS, fire due timers, judge the power. */
    public void cycle() throws InterruptedException {
        cycle(upses);
    }

    /** The UPSes whose upsd name is in {@code names}. */
    private List<MonitoredUps> named(Set<String> names) {
        return upses.stream().filter(u -> names.contains(u.monitor.ups().ups())).toList();
    }

    private void cycle(List<MonitoredUps> which) throws InterruptedException {
        for (MonitoredUps u : which) {
            poll(u);
        }
        timers.fireDue(time.now());
        recalc(time.now());
    }

    /** POLLFREQ, POLLFREQALERT while a UPS is in a state prone to disappear, shorter while an OB LB waits out OBLBDURATION. */
    public Duration pollInterval() {
        Timings t = conf.timings();
        int seconds = t.pollFreq();
        for (MonitoredUps u : upses) {
            if (u.has(UpsFlag.ONBATT) || u.has(UpsFlag.OFF) || u.has(UpsFlag.BYPASS) || u.has(UpsFlag.ALARM)
                    || (u.has(UpsFlag.OVER) && t.overDuration() >= 0)) {
                seconds = t.pollFreqAlert();
            }
        }
        if (t.oblbDuration() > 0 && upses.stream().anyMatch(u -> u.obLbSince != null)) {
            seconds = gcd(t.pollFreqAlert(), t.oblbDuration());
        }
        return Duration.ofSeconds(seconds);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
    }

    /**
     * Waits for the next regular poll, firing timers that fall due meanwhile. Returns early with the UPS
     * names of {@link #pollRequests} when upsd's events ask for a poll; empty at the regular time.
     */
    public Set<String> waitForNextPoll() throws InterruptedException {
        Instant next = time.now().plus(pollInterval());
        while (!stopRequested) {
            Instant now = time.now();
            if (!now.isBefore(next)) {
                return Set.of();
            }
            Instant wake = timers.nextDue().filter(d -> d.isBefore(next)).orElse(next);
            if (pollRequests.await(time, wake.isAfter(now) ? Duration.between(now, wake) : Duration.ZERO)) {
                Set<String> asked = pollRequests.take();
                LOG.debugf("polling %s now: upsd announced an event", asked);
                return asked;
            }
            timers.fireDue(time.now());
        }
        return Set.of();
    }

    private void poll(MonitoredUps u) {
        PollFailureLog failure = failures.get(u);
        boolean primary = u.primary();
        if (u.link.isOpen() && primary != u.loggedInAsPrimary) {
            LOG.infof("UPS [%s]: this monitor is now its %s, logging in again", u.name(), primary ? "primary" : "secondary");
            u.link.close();
        }
        if (!u.link.isOpen()) {
            u.loggedInAsPrimary = primary;
            try {
                u.link.open(primary);
            } catch (IOException | NutException e) {
                failure.failed(kind(e), "connect failed: " + e.getMessage());
                u.gone(time.now());
                return;
            }
        }
        String status;
        try {
            status = u.link.get("ups.status");
        } catch (IOException | NutException e) {
            failure.failed(kind(e), e.getMessage());
            u.gone(time.now());
            return;
        }
        if (UPSD_WAITING.equals(status.trim())) {
            // upsd's placeholder while it waits for a (re)connected driver's dump: no news of the UPS, so as
            // good as unreachable; taken as a good poll, it would hide a last-known OB from DEADTIME
            failure.failed(UPSD_WAITING, "upsd is waiting for the driver's data");
            u.gone(time.now());
            return;
        }
        failure.recovered();
        u.statusReceived(time.now(), status, () -> optionalVar(u, "ups.alarm"));
        if (settings.thresholds().needsBatteryReadings() && u.has(UpsFlag.ONBATT)) {
            u.battery = new BatteryReading(number(u, "battery.charge"), number(u, "battery.runtime"));
        }
    }

    private static String kind(Exception e) {
        return e instanceof NutException n ? n.error().code() : e.getClass().getSimpleName();
    }

    private static String optionalVar(MonitoredUps u, String var) {
        try {
            return u.link.get(var);
        } catch (IOException | NutException e) {
            return null;
        }
    }

    private static Double number(MonitoredUps u, String var) {
        String v = optionalVar(u, var);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            LOG.debugf("UPS [%s] %s is not a number: %s", u.name(), var, v);
            return null;
        }
    }

    /**
     * upsmon's {@code recalc}, with knut's thresholds kept apart: too few supplies by NUT's rules is the
     * forced shutdown (a primary sets FSD for every host on the UPS); enough of them, but too few once
     * this host's own thresholds are counted, takes only this host out.
     */
    private void recalc(Instant now) throws InterruptedException {
        int power = 0;
        int staying = 0;
        List<String> critical = new ArrayList<>();
        List<String> ownThresholds = new ArrayList<>();
        List<UpsView> v = new ArrayList<>();
        for (MonitoredUps u : upses) {
            u.promoteIfDead(now);
            String why = rules.reason(u, now);
            String threshold = why == null ? rules.ownThreshold(u, now) : null;
            if (why == null) {
                power += u.monitor.powerValue();
            } else {
                critical.add(u.name() + " " + why);
                LOG.debugf("Critical UPS: %s: %s", u.name(), why);
            }
            if (threshold == null && why == null) {
                staying += u.monitor.powerValue();
            } else if (threshold != null) {
                ownThresholds.add(u.name() + " " + threshold);
            }
            v.add(new UpsView(u.name(), u.primary() ? "primary" : "secondary", u.monitor.powerValue(),
                    u.status(), u.communicating(), u.lastPoll(), why != null ? why : threshold));
        }
        views = List.copyOf(v);
        if (staying >= conf.minSupplies()) {
            shutdownDone = false;
            return;
        }
        if (shutdownDone) {
            return;
        }
        state = State.SHUTTING_DOWN;
        lastShutdownAlone = power >= conf.minSupplies();
        if (lastShutdownAlone) {
            String why = "this host's threshold: power value " + staying + " < MINSUPPLIES " + conf.minSupplies() + ": "
                    + String.join("; ", ownThresholds);
            LOG.warnf("This host's own threshold is reached (%d < %d), leaving alone; the UPS stays up for the others",
                    staying, conf.minSupplies());
            lastShutdown = shutdown.leave(upses, why);
        } else {
            String why = "power value " + power + " < MINSUPPLIES " + conf.minSupplies() + ": " + String.join("; ", critical);
            LOG.warnf("Too few UPS(es) are healthy (%d < %d), initiating forced shutdown", power, conf.minSupplies());
            lastShutdown = shutdown.run(upses, why);
        }
        shutdownDone = true;
        if (settings.dryRun()) {
            LOG.warn("[dry run] upsmon would exit now; this monitor goes on watching and re-arms once the power is back");
            state = State.RUNNING;
            return;
        }
        afterShutdown();
        state = State.FINISHED;
    }

    /** SHUTDOWNEXIT: exit at once, linger N seconds, or (no) keep the sessions until stopped. */
    private void afterShutdown() throws InterruptedException {
        int exit = conf.shutdownExit();
        if (exit == UpsmonConf.SHUTDOWNEXIT_YES) {
            return;
        }
        LOG.warnf("SHUTDOWNEXIT %s: keeping the upsd sessions after the shutdown command",
                exit < 0 ? "no" : exit + " s");
        Instant start = time.now();
        while (!stopRequested && (exit < 0 || !MonitoredUps.longerThan(start, time.now(), exit))) {
            for (MonitoredUps u : upses) {
                try {
                    u.link.numLogins(); // keep the session in use so upsd does not drop it
                } catch (IOException | NutException e) {
                    LOG.debugf("keep-alive on %s: %s", u.name(), e.getMessage());
                }
            }
            time.sleep(Duration.ofSeconds(1));
        }
    }
}
