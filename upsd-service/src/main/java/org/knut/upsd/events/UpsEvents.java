package org.knut.upsd.events;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * The hub UPS events go through: the served UPSes publish, REST subscribers (Server-Sent Events) and
 * metrics listen. Delivery is synchronous on the publishing thread, so a listener must only hand the
 * event over (queue it), never block.
 * <p>
 * Every event gets the next number of this instance; the last {@value #HISTORY} events are kept so a
 * subscriber that lost its connection can {@link #resume} after the last one it saw. Positions carry
 * this instance's random epoch ({@link EventPosition}), so a position from another replica or from
 * before a restart is never taken for one of ours.
 */
public final class UpsEvents {
    /** Events kept for resuming subscribers: a bound on memory, not on subscribers. */
    public static final int HISTORY = 1024;
    private static final Logger LOG = Logger.getLogger(UpsEvents.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Consumer<UpsEvent>> listeners = new CopyOnWriteArrayList<>();
    private final String epoch = Long.toString(RANDOM.nextLong() >>> 16, 36);
    private final Clock clock;
    // guarded by this: numbering, history and delivery happen together, so a resume sees no gap
    private final ArrayDeque<UpsEvent> history = new ArrayDeque<>();
    private long last;

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

    /**
     * Subscribes {@code listener} after the event at {@code after} (null: none seen). When every event
     * since is still kept, they are handed to {@code listener} first, in order; otherwise (no position,
     * another epoch, too old, unknown) {@code fresh} is called with the position reached, before any live
     * event, so the subscriber can send a snapshot that the live events then continue. Closing the
     * result stops the delivery.
     */
    public synchronized AutoCloseable resume(EventPosition after, Consumer<UpsEvent> listener, Consumer<EventPosition> fresh) {
        boolean resumable = after != null && after.epoch().equals(epoch) && after.number() <= last
                && after.number() >= last - history.size();
        if (resumable) {
            for (UpsEvent e : history) {
                if (e.id() > after.number()) {
                    listener.accept(e);
                }
            }
        } else {
            fresh.accept(position(last));
        }
        return subscribe(listener);
    }

    /** The position of event {@code number} of this instance. */
    public EventPosition position(long number) {
        return new EventPosition(epoch, number);
    }

    public int subscribers() {
        return listeners.size();
    }

    /** Publishes an event; {@code detail} alternates field names and values. */
    public synchronized void publish(String type, String ups, Object... detail) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i + 1 < detail.length; i += 2) {
            if (detail[i + 1] != null) {
                fields.put((String) detail[i], detail[i + 1]);
            }
        }
        UpsEvent e = new UpsEvent(++last, type, ups, clock.instant(), fields);
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(e);
        for (Consumer<UpsEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warnf(ex, "event listener failed on %s", e);
            }
        }
    }
}
