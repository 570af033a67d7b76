package org.knut.admin.fleet;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** What happened to a UPS (power failures, returns, self-tests, lost data), bounded to the newest entries. */
public final class EventLog {
    /** @param css the colour class: ok, warn, crit or stale */
    public record Entry(Instant time, String text, String css) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final int capacity;

    public EventLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(Entry e) {
        if (entries.size() == capacity) {
            entries.removeLast();
        }
        entries.addFirst(e);
    }

    /** Newest first. */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }
}
