package org.knut.driver.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.config.DriverSection;
import org.knut.driver.sock.DriverSocketServer;
import org.knut.driver.sock.SocketBackend;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverState;

/**
 * Runs one UPS as a NUT driver process would: starts its driver on a thread of its own, opens the
 * driver socket once the first data is there, polls every {@code pollinterval}, and hands socket
 * commands to the driver on the same thread. A start that fails is retried after the retry delay; a
 * failing update marks the data stale until an update succeeds.
 */
public final class UpsRunner {
    public enum Phase {
        STOPPED, STARTING, RUNNING, RETRYING
    }

    /** What {@code GET /drivers} reports for a UPS. */
    public record Status(String name, String driver, Phase phase, boolean ready, String problem, String socket,
            InetSocketAddress tcp) {
    }

    private static final Logger LOG = Logger.getLogger(UpsRunner.class);
    /** Data older than this (and at least three polls) is not fresh; upsd's default MAXAGE. */
    private static final Duration MIN_FRESHNESS = Duration.ofSeconds(15);

    private final DriverSection section;
    private final DriverFactory factory;
    private final RunnerEnvironment env;
    private ScheduledExecutorService executor;
    private volatile DriverSession session;
    private volatile DriverSocketServer server;
    private volatile Phase phase = Phase.STOPPED;
    private volatile String problem;
    private volatile long lastGoodNanos;
    private volatile long lastPollNanos;

    public UpsRunner(DriverSection section, DriverFactory factory, RunnerEnvironment env) {
        this.section = section;
        this.factory = factory;
        this.env = env;
    }

    public DriverSection section() {
        return section;
    }

    public synchronized void start() {
        if (phase != Phase.STOPPED) {
            return;
        }
        phase = Phase.STARTING;
        problem = null;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knut-driver-" + section.name());
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::tryStart);
    }

    private void tryStart() {
        DriverSession s = new DriverSession(section, factory, env.confDir(), env.clock());
        DriverSocketServer srv = null;
        try {
            s.start();
            srv = new DriverSocketServer(section.name(), env.socketPath(section), env.tcpAddress(section),
                    env.tcpSecurity(), backend(s), env.maxPendingBytes());
            srv.start();
        } catch (DriverException | IOException | RuntimeException e) {
            s.close();
            problem = e.getMessage() == null ? e.toString() : e.getMessage();
            phase = Phase.RETRYING;
            LOG.errorf("UPS [%s] (%s): driver start failed, retrying in %ds: %s", section.name(), section.driver(),
                    env.retryDelay().toSeconds(), problem);
            schedule(this::tryStart, env.retryDelay().toMillis());
            return;
        }
        session = s;
        server = srv;
        lastGoodNanos = lastPollNanos = System.nanoTime();
        phase = Phase.RUNNING;
        LOG.infof("UPS [%s] (%s) running, socket %s%s", section.name(), section.driver(), srv.unixPath(),
                srv.tcpAddress() == null ? "" : " and tcp " + srv.tcpAddress() + " (" + env.tcpSecurity().describe() + ")");
        long poll = section.pollInterval().toMillis();
        try {
            executor.scheduleAtFixedRate(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void poll() {
        lastPollNanos = System.nanoTime();
        try {
            session.update();
            lastGoodNanos = System.nanoTime();
            if (problem != null) {
                LOG.infof("UPS [%s]: data is fresh again", section.name());
                problem = null;
            }
        } catch (DriverException | RuntimeException e) {
            String p = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!p.equals(problem)) {
                LOG.warnf("UPS [%s]: update failed, data stale: %s", section.name(), p);
            }
            problem = p;
        }
    }

    private SocketBackend backend(DriverSession s) {
        return new SocketBackend() {
            @Override
            public DriverState state() {
                return s.state();
            }

            @Override
            public void instcmd(String command, String parameter, Consumer<TrackingResult> done) {
                onDriverThread(() -> done.accept(s.instcmd(command, parameter)), done);
            }

            @Override
            public void setvar(String variable, String value, Consumer<TrackingResult> done) {
                onDriverThread(() -> done.accept(s.setvar(variable, value)), done);
            }
        };
    }

    private void onDriverThread(Runnable task, Consumer<TrackingResult> done) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            done.accept(TrackingResult.FAILED);
        }
    }

    /** Stops the driver and removes its socket; the UPS can be started again. */
    public synchronized void stop() {
        if (phase == Phase.STOPPED) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf("UPS [%s]: driver thread did not stop in time", section.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
        phase = Phase.STOPPED;
        problem = null;
        LOG.infof("UPS [%s] stopped", section.name());
    }

    /** Started, with fresh data: the last update succeeded within three polls (at least 15 s). */
    public boolean ready() {
        DriverSession s = session;
        return phase == Phase.RUNNING && s != null && s.state().upsState().dataOk()
                && System.nanoTime() - lastGoodNanos <= freshness().toNanos();
    }

    /** False when a running driver's thread has not polled for far too long (stuck in a device call). */
    public boolean alive() {
        return phase != Phase.RUNNING || System.nanoTime() - lastPollNanos <= freshness().multipliedBy(4).toNanos();
    }

    private Duration freshness() {
        Duration threePolls = section.pollInterval().multipliedBy(3);
        return threePolls.compareTo(MIN_FRESHNESS) > 0 ? threePolls : MIN_FRESHNESS;
    }

    public Status status() {
        DriverSocketServer srv = server;
        return new Status(section.name(), section.driver(), phase, ready(), problem, env.socketPath(section).toString(),
                srv == null ? env.tcpAddress(section) : srv.tcpAddress());
    }

    /** The running session's state, or null when not running (for tests and dump-like inspection). */
    public DriverState state() {
        DriverSession s = session;
        return s == null ? null : s.state();
    }
}
