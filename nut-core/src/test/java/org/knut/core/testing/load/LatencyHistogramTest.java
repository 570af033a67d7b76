package org.knut.core.testing.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void percentilesAreWithinTheBucketErrorOfTheTruth() {
        LatencyHistogram h = new LatencyHistogram();
        for (long us = 1; us <= 100_000; us++) {
            h.record(us);
        }
        assertEquals(100_000, h.count());
        assertNear(50.0, h.percentileMillis(0.5));
        assertNear(99.0, h.percentileMillis(0.99));
        assertNear(99.9, h.percentileMillis(0.999));
        assertEquals(100.0, h.maxMillis());
        assertEquals(100.0, h.percentileMillis(1.0), "capped at the largest recorded");
    }

    @Test
    void eachBucketEndsWhereTheNextBegins() {
        for (long us = 0; us < 5_000_000; us += 7) {
            int b = LatencyHistogram.bucket(us);
            assertTrue(us < LatencyHistogram.upperBound(b), us + " below its bucket's end");
            assertTrue(b == 0 || us >= LatencyHistogram.upperBound(b - 1), us + " not below the previous bucket's end");
        }
    }

    @Test
    void addingAndClearing() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(1000);
        b.record(3000);
        b.record(-5); // a clock step: counted as 0
        a.add(b);
        assertEquals(3, a.count());
        assertEquals(3.0, a.maxMillis());
        assertEquals(0.001, a.percentileMillis(0.1), "the first bucket ends at 1 µs");
        a.clear();
        assertEquals(0, a.count());
        assertEquals(0.0, a.percentileMillis(0.99));
    }

    private static void assertNear(double want, double got) {
        assertTrue(Math.abs(got - want) <= want * 0.035, "want about " + want + " ms, got " + got);
    }
}
