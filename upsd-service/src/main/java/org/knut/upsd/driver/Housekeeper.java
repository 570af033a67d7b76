package org.knut.upsd.driver;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.knut.upsd.state.TrackingTable;

/**
 * upsd's periodic chores on one timer thread: the driver links' watchdog step (PING, staleness) and the
 * TRACKINGDELAY purge of tracking results.
 */
public final class Housekeeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Housekeeper.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upsd-housekeeper");
        t.setDaemon(true);
        return t;
    });

    /** Ticks often enough to see MAXAGE/3 pass with a tenth of MAXAGE precision, at most once a second. */
    public static long tickMillis(int maxAgeSeconds) {
        return Math.max(50, Math.min(1000, maxAgeSeconds * 100L));
    }

    public Housekeeper(List<DriverLink> links, TrackingTable tracking, long tickMillis) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                for (DriverLink l : links) {
                    l.tick();
                }
                tracking.purge();
            } catch (RuntimeException e) {
                LOG.error("housekeeping failed", e); // keep the timer alive
            }
        }, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
