package org.knut.core.testing.load;

import java.util.Arrays;

/**
 * Latencies in microseconds in log-linear buckets (32 per power of two, so a percentile is within about
 * 3 % of the truth): a fixed size whatever the count, cheap to record and to merge. Not thread-safe; a
 * {@link LatencyRecorder} hands one between threads.
 */
public final class LatencyHistogram {
    private static final int LINEAR = 64;
    private static final int SUB = 32;
    private static final int BUCKETS = LINEAR + 58 * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long maxMicros;

    public void record(long micros) {
        long v = Math.max(0, micros);
        counts[bucket(v)]++;
        total++;
        maxMicros = Math.max(maxMicros, v);
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        maxMicros = Math.max(maxMicros, other.maxMicros);
    }

    public void clear() {
        Arrays.fill(counts, 0);
        total = 0;
        maxMicros = 0;
    }

    public long count() {
        return total;
    }

    /** The latency below which {@code q} (0..1) of the recorded ones fall, in milliseconds; 0 when empty. */
    public double percentileMillis(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return Math.min(upperBound(i), maxMicros) / 1000.0;
            }
        }
        return maxMicros / 1000.0;
    }

    public double maxMillis() {
        return maxMicros / 1000.0;
    }

    static int bucket(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int msb = 63 - Long.numberOfLeadingZeros(micros);
        int shift = msb - 5;
        return Math.min(BUCKETS - 1, LINEAR + (shift - 1) * SUB + (int) ((micros >> shift) - SUB));
    }

    /** The exclusive upper bound of bucket {@code i}, in microseconds. */
    static long upperBound(int i) {
        if (i < LINEAR) {
            return i + 1L;
        }
        int shift = (i - LINEAR) / SUB + 1;
        long m = (i - LINEAR) % SUB + SUB;
        return (m + 1) << shift;
    }
}
