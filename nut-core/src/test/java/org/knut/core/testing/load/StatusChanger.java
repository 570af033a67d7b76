package org.knut.core.testing.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;

/**
 * Changes a UPS's ups.status through upsd ({@code SET VAR}, as {@code upsrw -s} does) at a fixed
 * period, so that status events flow to subscribers; each change is logged in {@link StatusChanges}.
 */
public final class StatusChanger implements AutoCloseable {
    private final NutClient control;
    private final String ups;
    private final StatusChanges changes;
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-changer");
        t.setDaemon(true);
        return t;
    });

    /** Logs in to upsd as a user allowed to SET, and starts changing every {@code period}. */
    public StatusChanger(String host, int port, String user, String password, String ups, Duration period,
            StatusChanges changes) throws IOException, NutException {
        this.ups = ups;
        this.changes = changes;
        control = NutClient.connect(host, port);
        control.authenticate(user, password);
        timer.scheduleAtFixedRate(this::change, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void change() {
        try {
            control.setVar(ups, "ups.status", changes.next());
        } catch (IOException | NutException | RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    /** SETs that upsd refused or did not answer. */
    public long failures() {
        return failures.get();
    }

    /** Stops changing (a change under way completes first). */
    @Override
    public void close() throws IOException {
        timer.shutdown();
        try {
            timer.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        control.close();
    }
}
