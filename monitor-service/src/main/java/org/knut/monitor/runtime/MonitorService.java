package org.knut.monitor.runtime;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.engine.Upsmon;
import org.knut.monitor.process.ProcessCommandRunner;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Runs the engine on its own thread. When the shutdown is done the process exits as upsmon does
 * (SHUTDOWNEXIT), which closes the upsd sessions and lets a primary's NUMLOGINS wait end.
 */
@ApplicationScoped
public class MonitorService {
    private static final Logger LOG = Logger.getLogger(MonitorService.class);
    /** NOTIFYCMD, wall and timer commands are killed after this long. */
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(5);

    private volatile Upsmon upsmon;
    private Thread thread;
    private ProcessCommandRunner runner;

    public synchronized void start(MonitorSettings settings) {
        if (upsmon != null) {
            throw new IllegalStateException("the monitor is already running");
        }
        runner = new ProcessCommandRunner(COMMAND_LIMIT);
        upsmon = MonitorAssembly.bareHost(settings, runner);
        thread = new Thread(this::runEngine, "upsmon");
        thread.start();
    }

    private void runEngine() {
        Upsmon u = upsmon;
        u.run();
        if (u.state() == Upsmon.State.FINISHED) {
            LOG.warn("Exiting upsmon program after initiating shutdown");
            Quarkus.asyncExit(0);
        }
    }

    public Optional<Upsmon> upsmon() {
        return Optional.ofNullable(upsmon);
    }

    /** Whether the engine thread ended without being asked to (a bug, not a shutdown). */
    public boolean died() {
        Upsmon u = upsmon;
        return u != null && thread != null && !thread.isAlive() && u.state() != Upsmon.State.FINISHED
                && u.state() != Upsmon.State.STOPPED;
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void stop() {
        if (upsmon == null) {
            return;
        }
        upsmon.stop();
        // never cut a running shutdown short: SHUTDOWNCMD itself may be what stops this process
        if (upsmon.state() != Upsmon.State.SHUTTING_DOWN && Thread.currentThread() != thread) {
            thread.interrupt();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runner.close();
    }
}
