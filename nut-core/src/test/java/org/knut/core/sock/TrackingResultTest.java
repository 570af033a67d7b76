package org.knut.core.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrackingResultTest {
    @Test
    void codesMapToUpsdReplies() {
        assertEquals("SUCCESS", TrackingResult.fromCode(0).reply());
        assertEquals("ERR UNKNOWN", TrackingResult.fromCode(1).reply());
        assertEquals("ERR INVALID-ARGUMENT", TrackingResult.fromCode(2).reply());
        assertEquals("ERR FAILED", TrackingResult.fromCode(3).reply());
        assertEquals(TrackingResult.FAILED, TrackingResult.fromCode(99), "unknown codes are failures");
        for (TrackingResult r : TrackingResult.values()) {
            assertEquals(r, TrackingResult.fromCode(r.code()));
        }
    }
}
