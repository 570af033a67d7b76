package org.knut.upsd.events;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * The hub UPS events go through: the served UPSes publish, REST subscribers (Server-Sent Events) and
 * metrics listen. Delivery is synchronous on the publishing thread, so a listener must only hand the
 * event over (queue it), never block.
 */
public final class UpsEvents {
    private static final Logger LOG = Logger.getLogger(UpsEvents.class);

    private final List<Consumer<UpsEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    public UpsEvents(Clock clock) {
        this.clock = clock;
    }

    public UpsEvents() {
        this(Clock.systemUTC());
    }

    /** Starts delivering events to {@code listener}; closing the result stops it. */
    public AutoCloseable subscribe(Consumer<UpsEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int subscribers() {
        return listeners.size();
    }

    /** Publishes an event; {@code detail} alternates field names and values. */
    public void publish(String type, String ups, Object... detail) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i + 1 < detail.length; i += 2) {
            if (detail[i + 1] != null) {
                fields.put((String) detail[i], detail[i + 1]);
            }
        }
        UpsEvent e = new UpsEvent(ids.incrementAndGet(), type, ups, clock.instant(), fields);
        for (Consumer<UpsEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warnf(ex, "event listener failed on %s", e);
            }
        }
    }
}
