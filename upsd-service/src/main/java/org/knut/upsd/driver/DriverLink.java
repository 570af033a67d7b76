package org.knut.upsd.driver;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;
import org.knut.core.model.UpsState;
import org.knut.core.protocol.NutSyntaxException;
import org.knut.core.protocol.NutTokenizer;
import org.knut.core.sock.DriverUpdate;
import org.knut.core.sock.ReplicaLogins;
import org.knut.upsd.config.DriverEndpoint;
import org.knut.upsd.config.DriverLinkSecurity;
import org.knut.upsd.state.Availability;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;

/**
 * upsd's side of one driver socket, on a thread of its own: connect, DUMPALL, apply everything the
 * driver says to the UPS's state, reconnect with exponential backoff when the connection is lost (the
 * state is flushed and dumped anew). {@link #tick} (called by the {@link Housekeeper}) pings a driver
 * silent for MAXAGE/3, drops the connection when a PING stays unanswered for MAXAGE, and marks the data
 * stale when the driver is silent for MAXAGE or says DATASTALE. It also pings at least every
 * {@link ReplicaLogins#HEARTBEAT}, however chatty the driver: that heartbeat is how a knut driver tells
 * this replica is alive (it drops a silent one, so a dead node's logins stop counting).
 */
public final class DriverLink {
    private static final Logger LOG = Logger.getLogger(DriverLink.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long FAILURE_LOG_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();
    private static final long HEARTBEAT_NANOS = ReplicaLogins.HEARTBEAT.toNanos();

    private final ServedUps ups;
    private final DriverEndpoint endpoint;
    private final DriverLinkSecurity security;
    private final TrackingTable tracking;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final Backoff backoff;
    private final Thread thread;
    private volatile boolean running = true;

    // guarded by this: what the watchdog and the reader both look at
    private DriverConnection connection;
    private UpsState state;
    private boolean dumpDone;
    private long lastHeard;
    private long lastPing;
    private long pingUnansweredSince;
    private long lastFailureLog;
    private boolean failing;

    public DriverLink(ServedUps ups, DriverEndpoint endpoint, DriverLinkSecurity security, TrackingTable tracking,
            int maxAgeSeconds, LongSupplier nanoClock, long firstBackoffMillis, long maxBackoffMillis) {
        this.ups = ups;
        this.endpoint = endpoint;
        this.security = security;
        this.tracking = tracking;
        this.maxAgeNanos = Duration.ofSeconds(maxAgeSeconds).toNanos();
        this.clock = nanoClock;
        this.backoff = new Backoff(firstBackoffMillis, maxBackoffMillis);
        this.thread = new Thread(this::run, "driver-link-" + ups.name());
        this.thread.setDaemon(true);
    }

    public ServedUps ups() {
        return ups;
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        running = false;
        DriverConnection c;
        synchronized (this) {
            c = connection;
        }
        if (c != null) {
            c.close();
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            DriverConnection c;
            try {
                c = DriverConnection.open(endpoint.address(), security, CONNECT_TIMEOUT, ups.name());
            } catch (IOException | RuntimeException e) {
                connectFailed(e);
                pause();
                continue;
            }
            try {
                serve(c);
            } catch (IOException e) {
                if (running) {
                    LOG.warnf("UPS [%s]: lost the driver at %s: %s", ups.name(), endpoint.describe(), reason(e));
                }
            } finally {
                c.close();
                down();
            }
            pause();
        }
    }

    private void serve(DriverConnection c) throws IOException {
        synchronized (this) {
            connection = c;
            state = new UpsState();
            dumpDone = false;
            lastHeard = clock.getAsLong();
            lastPing = lastHeard;
            pingUnansweredSince = 0;
            ups.linkUp(c);
        }
        if (!c.send("DUMPALL")) {
            throw new IOException("cannot ask for a dump");
        }
        ups.announceLogins();
        String line;
        while ((line = c.readLine()) != null) {
            heard();
            apply(line);
        }
        if (running) {
            LOG.warnf("UPS [%s]: the driver at %s closed the connection", ups.name(), endpoint.describe());
        }
    }

    private void apply(String line) {
        List<String> t;
        try {
            t = NutTokenizer.tokenize(line);
        } catch (NutSyntaxException e) {
            LOG.debugf("UPS [%s]: unreadable line from driver (%s): %s", ups.name(), e.getMessage(), line);
            return;
        }
        if (t.isEmpty()) {
            return;
        }
        switch (t.get(0)) {
            case "DUMPDONE" -> dumpComplete();
            case ReplicaLogins.VERB -> {
                ReplicaLogins r = ReplicaLogins.parse(t);
                if (r != null) {
                    ups.otherReplica(r);
                }
            }
            case "TRACKING" -> {
                if (t.size() == 3) {
                    try {
                        tracking.complete(t.get(1), Integer.parseInt(t.get(2)));
                    } catch (NumberFormatException e) {
                        LOG.debugf("UPS [%s]: bad TRACKING line: %s", ups.name(), line);
                    }
                }
            }
            default -> {
                UpsState s;
                synchronized (this) {
                    s = state;
                }
                if (DriverUpdate.apply(s, t) == DriverUpdate.Outcome.INVALID) {
                    LOG.debugf("UPS [%s]: ignored driver line: %s", ups.name(), line);
                } else if (t.size() > 1 && t.get(1).equals("ups.status")) {
                    ups.statusUpdated();
                }
            }
        }
        refresh(clock.getAsLong());
    }

    private void dumpComplete() {
        UpsState s;
        synchronized (this) {
            if (dumpDone) {
                return;
            }
            dumpDone = true;
            s = state;
            backoff.reset();
            failing = false;
            ups.dumpDone(s);
        }
        LOG.infof("UPS [%s]: connected to the driver at %s (%d variables, %d commands)", ups.name(),
                endpoint.describe(), s.variables().size(), s.commands().size());
    }

    private synchronized void heard() {
        lastHeard = clock.getAsLong();
        pingUnansweredSince = 0;
    }

    private void down() {
        synchronized (this) {
            connection = null;
            state = null;
            dumpDone = false;
            ups.linkDown();
        }
    }

    /** Watchdog step: PING a quiet driver, drop an unresponsive one, and update the availability. */
    public void tick() {
        long now = clock.getAsLong();
        DriverConnection drop = null;
        synchronized (this) {
            if (connection == null) {
                return;
            }
            long third = maxAgeNanos / 3;
            boolean quiet = now - lastHeard > third;
            if ((quiet && now - lastPing > third) || now - lastPing >= HEARTBEAT_NANOS) {
                lastPing = now;
                if (quiet && pingUnansweredSince == 0) {
                    pingUnansweredSince = now;
                }
                connection.send("PING");
            }
            if (pingUnansweredSince != 0 && now - pingUnansweredSince > maxAgeNanos) {
                drop = connection;
            }
        }
        refresh(now);
        if (drop != null) {
            LOG.warnf("UPS [%s]: no answer to PING from the driver at %s; reconnecting", ups.name(), endpoint.describe());
            drop.close();
        }
    }

    /** upsd's sstate_dead(): not connected, or (after the dump) DATASTALE, or silent longer than MAXAGE. */
    private synchronized void refresh(long now) {
        if (connection == null) {
            return;
        }
        boolean stale = (dumpDone && !state.dataOk()) || now - lastHeard > maxAgeNanos;
        Availability a = stale ? Availability.STALE : Availability.OK;
        if (ups.availability() != a) {
            if (stale) {
                LOG.warnf("UPS [%s]: data is stale - check the driver", ups.name());
            } else {
                LOG.infof("UPS [%s]: data is no longer stale", ups.name());
            }
            ups.setAvailability(a);
        }
    }

    private void connectFailed(Exception e) {
        long now = clock.getAsLong();
        boolean log;
        synchronized (this) {
            log = !failing || now - lastFailureLog > FAILURE_LOG_INTERVAL_NANOS;
            if (log) {
                lastFailureLog = now;
            }
            failing = true;
        }
        if (log) {
            LOG.warnf("UPS [%s]: cannot connect to the driver at %s: %s", ups.name(), endpoint.describe(), reason(e));
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void pause() {
        if (!running) {
            return;
        }
        long millis;
        synchronized (this) {
            millis = backoff.next();
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
