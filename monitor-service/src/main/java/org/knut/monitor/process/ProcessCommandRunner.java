package org.knut.monitor.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Runs programs as child processes that share the monitor's stdout and stderr, as upsmon's forked
 * children do. Every process has a time limit; one that overruns is killed by its PID, children first.
 */
public final class ProcessCommandRunner implements CommandRunner, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProcessCommandRunner.class);

    private final Duration launchLimit;
    private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "upsmon-command");
        t.setDaemon(true);
        return t;
    });

    /** {@code launchLimit} bounds the programs started by {@link #launch}. */
    public ProcessCommandRunner(Duration launchLimit) {
        this.launchLimit = launchLimit;
    }

    @Override
    public void launch(ExternalCommand cmd) {
        Process p = start(cmd);
        if (p != null) {
            waiters.execute(() -> {
                try {
                    await(cmd, p, launchLimit);
                } catch (InterruptedException e) {
                    kill(p);
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Override
    public int run(ExternalCommand cmd, Duration limit) throws InterruptedException {
        Process p = start(cmd);
        if (p == null) {
            return -1;
        }
        try {
            return await(cmd, p, limit);
        } finally {
            kill(p);
        }
    }

    private static Process start(ExternalCommand cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd.argv())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(cmd.env());
        if (cmd.stdin() == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            Process p = pb.start();
            if (cmd.stdin() != null) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(cmd.stdin().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.debugf("%s closed its input early: %s", cmd.purpose(), e.getMessage());
                }
            }
            LOG.debugf("%s started (pid %d): %s", cmd.purpose(), p.pid(), cmd.argv());
            return p;
        } catch (IOException e) {
            LOG.errorf("%s could not be started (%s): %s", cmd.purpose(), cmd.argv(), e.getMessage());
            return null;
        }
    }

    private static int await(ExternalCommand cmd, Process p, Duration limit) throws InterruptedException {
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.errorf("%s (pid %d) still running after %s, killed", cmd.purpose(), p.pid(), limit);
            kill(p);
            return -1;
        }
        int code = p.exitValue();
        if (code != 0) {
            LOG.warnf("%s exited with status %d: %s", cmd.purpose(), code, cmd.argv());
        }
        return code;
    }

    private static void kill(Process p) {
        if (p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Stops taking work; programs already started run on, as upsmon's forked notifiers outlive it. */
    @Override
    public void close() {
        waiters.shutdown();
    }
}
