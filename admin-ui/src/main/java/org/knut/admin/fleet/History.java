package org.knut.admin.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} samples of a UPS's {@link Metric}s, oldest first: a ring buffer, so memory
 * stays the same however long the UI runs.
 */
public final class History {
    /** One sample; a metric the UPS did not report is NaN. */
    public record Sample(Instant time, double[] values) {
        public double value(Metric m) {
            return values[m.ordinal()];
        }
    }

    private final Sample[] ring;
    private int next;
    private int size;

    public History(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("history needs room for at least 2 samples, not " + capacity);
        }
        ring = new Sample[capacity];
    }

    public synchronized void add(Reading r) {
        double[] values = new double[Metric.values().length];
        for (Metric m : Metric.values()) {
            Double v = m.of(r);
            values[m.ordinal()] = v == null ? Double.NaN : v;
        }
        ring[next] = new Sample(r.time(), values);
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    public synchronized List<Sample> samples() {
        List<Sample> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(ring[(next - size + i + ring.length) % ring.length]);
        }
        return out;
    }
}
