package org.knut.monitor.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;
import org.knut.monitor.shutdown.StepLog;

/**
 * The steps of one shutdown, each logged with the time since the shutdown began, so the log (and a dry
 * run) shows what happens in which order and how long every wait takes.
 */
final class ShutdownLog implements StepLog {
    private static final Logger LOG = Logger.getLogger("org.knut.monitor.shutdown");

    private final TimeSource time;
    private final Instant start;
    private final String prefix;
    private final List<String> steps = new ArrayList<>();

    ShutdownLog(TimeSource time, boolean dryRun) {
        this.time = time;
        this.start = time.now();
        this.prefix = dryRun ? "[dry run] " : "";
    }

    @Override
    public void step(String what) {
        Duration d = Duration.between(start, time.now());
        String line = String.format(Locale.ROOT, "%s+%d.%03ds %s", prefix, d.getSeconds(), d.toMillisPart(), what);
        steps.add(line);
        LOG.warn(line);
    }

    Duration elapsed() {
        return Duration.between(start, time.now());
    }

    List<String> steps() {
        return List.copyOf(steps);
    }
}
