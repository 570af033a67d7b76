package org.knut.upsd.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Resuming after a position replays exactly the missed events, or asks for a fresh start when it cannot. */
class UpsEventsTest {
    private final UpsEvents events = new UpsEvents();
    private final List<Long> got = new ArrayList<>();
    private final List<EventPosition> freshAt = new ArrayList<>();

    private AutoCloseable subscription;

    /** Resumes after {@code after}; true when it replayed, false when it asked for a fresh start. */
    private boolean resumed(EventPosition after) {
        int fresh = freshAt.size();
        subscription = events.resume(after, e -> got.add(e.id()), freshAt::add);
        return freshAt.size() == fresh;
    }

    private void publish(int n) {
        for (int i = 0; i < n; i++) {
            events.publish(UpsEvent.STATUS, "demo", "status", i % 2 == 0 ? "OB" : "OL");
        }
    }

    @Test
    void replaysWhatCameAfterThePositionThenGoesLive() throws Exception {
        publish(5);
        assertTrue(resumed(events.position(2)));
        assertEquals(List.of(3L, 4L, 5L), got);
        publish(1);
        assertEquals(List.of(3L, 4L, 5L, 6L), got, "no gap, no duplicate between replay and live");
        assertTrue(freshAt.isEmpty());
        subscription.close();
        publish(1);
        assertEquals(4, got.size(), "closed: no more events");
    }

    @Test
    void positionZeroResumesUntilTheHistoryOverflows() {
        publish(UpsEvents.HISTORY);
        assertTrue(resumed(events.position(0)), "every event since the start is kept");
        assertEquals(UpsEvents.HISTORY, got.size());
        publish(1);
        got.clear();
        assertFalse(resumed(events.position(0)), "event 1 is gone");
        assertEquals(List.of(events.position(UpsEvents.HISTORY + 1)), freshAt, "fresh start at the newest event");
        assertTrue(got.isEmpty());
        assertTrue(resumed(events.position(1)), "events 2.. are all kept");
        assertEquals(UpsEvents.HISTORY, got.size());
    }

    @Test
    void anotherInstancesPositionOrNoneOrAFutureOneStartsFresh() {
        publish(3);
        UpsEvents other = new UpsEvents();
        assertFalse(resumed(other.position(1)), "another epoch");
        assertFalse(resumed(null));
        assertFalse(resumed(events.position(4)), "not published yet");
        assertEquals(3, freshAt.size());
        assertTrue(got.isEmpty());
    }

    @Test
    void positionsRoundTripThroughTheirText() {
        EventPosition p = events.position(42);
        assertEquals(Optional.of(p), EventPosition.parse(p.toString()));
        assertEquals(Optional.empty(), EventPosition.parse("42"));
        assertEquals(Optional.empty(), EventPosition.parse("x-y"));
        assertEquals(Optional.empty(), EventPosition.parse("-5"), "no epoch");
        assertEquals(Optional.empty(), EventPosition.parse(null));
    }
}
