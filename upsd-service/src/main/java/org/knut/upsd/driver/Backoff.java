package org.knut.upsd.driver;

/** Exponential reconnection delays: {@code first}, doubling up to {@code cap}; reset after a success. */
final class Backoff {
    private final long firstMillis;
    private final long capMillis;
    private long next;

    Backoff(long firstMillis, long capMillis) {
        this.firstMillis = firstMillis;
        this.capMillis = capMillis;
        this.next = firstMillis;
    }

    /** The delay to wait now; the one after it is twice as long (at most the cap). */
    long next() {
        long d = next;
        next = Math.min(capMillis, next * 2);
        return d;
    }

    void reset() {
        next = firstMillis;
    }
}
