package org.knut.core.testing.load;

/**
 * Latencies recorded by one worker thread and read by a sampler thread: the worker records into the
 * current interval's histogram, the sampler takes it (and a fresh one starts) once per row.
 */
public final class LatencyRecorder {
    private LatencyHistogram current = new LatencyHistogram();

    public synchronized void record(long micros) {
        current.record(micros);
    }

    /** What was recorded since the last call, added to {@code into}. */
    public synchronized void drainInto(LatencyHistogram into) {
        into.add(current);
        current.clear();
    }
}
