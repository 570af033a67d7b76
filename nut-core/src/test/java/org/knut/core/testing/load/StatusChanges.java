package org.knut.core.testing.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The ups.status changes a soak makes, in order: which status, and when it was asked for (nanoTime).
 * The statuses cycle through six distinct values, so a subscriber that gets change k can tell how many
 * it missed before it (up to five in a row) from the status alone.
 */
public final class StatusChanges {
    static final List<String> CYCLE = List.of("OB", "OL", "OB DISCHRG", "OL CHRG", "OL BOOST", "OL TRIM");

    private final List<Long> askedAt = new ArrayList<>();

    /** Records the next change (before it is sent, so that its event can never arrive first) and returns its status. */
    public synchronized String next() {
        askedAt.add(System.nanoTime());
        return status(askedAt.size() - 1);
    }

    public synchronized int count() {
        return askedAt.size();
    }

    /** Changes asked for before {@code nanoTime}. */
    public synchronized int countBefore(long nanoTime) {
        int n = askedAt.size();
        while (n > 0 && askedAt.get(n - 1) >= nanoTime) {
            n--;
        }
        return n;
    }

    public synchronized long askedAt(int k) {
        return askedAt.get(k);
    }

    public static String status(int k) {
        return CYCLE.get(k % CYCLE.size());
    }

    /**
     * The change at or after {@code from} (among those made) that set {@code status}, looking at most one
     * cycle ahead; -1 if none.
     */
    public synchronized int find(int from, String status) {
        for (int k = from; k < Math.min(askedAt.size(), from + CYCLE.size()); k++) {
            if (status(k).equals(status)) {
                return k;
            }
        }
        return -1;
    }

    /** The latest change made that set {@code status}, looking one cycle back; -1 if none. */
    public synchronized int latest(String status) {
        for (int k = askedAt.size() - 1; k >= Math.max(0, askedAt.size() - CYCLE.size()); k--) {
            if (status(k).equals(status)) {
                return k;
            }
        }
        return -1;
    }
}
