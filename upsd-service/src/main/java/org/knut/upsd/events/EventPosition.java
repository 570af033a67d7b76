package org.knut.upsd.events;

import java.util.Optional;

/**
 * Where a subscriber is in one upsd instance's event sequence, as the SSE {@code id:} carries it:
 * {@code EPOCH-NUMBER}. The epoch is random per instance, so positions of different replicas or of
 * an earlier run never compare; number 0 is "before the first event".
 */
public record EventPosition(String epoch, long number) {
    /** The position an SSE {@code Last-Event-ID} names, or empty when it is not one of ours. */
    public static Optional<EventPosition> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int dash = id.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(id.substring(dash + 1));
            return n < 0 ? Optional.empty() : Optional.of(new EventPosition(id.substring(0, dash), n));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return epoch + "-" + number;
    }
}
