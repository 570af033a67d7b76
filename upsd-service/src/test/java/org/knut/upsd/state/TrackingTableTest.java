package org.knut.upsd.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TrackingTableTest {
    private final AtomicLong now = new AtomicLong();
    private final TrackingTable table = new TrackingTable(10, 3, now::get);

    @Test
    void pendingThenTheDriversResult() {
        String id = table.begin();
        assertTrue(id.matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}"), id);
        assertNotEquals(id, table.begin());
        assertEquals("PENDING", table.status(id));
        table.complete(id.toLowerCase(), 0);
        assertEquals("SUCCESS", table.status(id));
        assertEquals("SUCCESS", table.status(id.toLowerCase()));
    }

    @Test
    void everyCode() {
        String[] expected = {"SUCCESS", "ERR UNKNOWN", "ERR INVALID-ARGUMENT", "ERR FAILED", "ERR FAILED"};
        for (int code = 0; code < expected.length; code++) {
            String id = table.begin();
            table.complete(id, code);
            assertEquals(expected[code], table.status(id), "code " + code);
        }
    }

    @Test
    void unknownIdsAreUnknown() {
        assertEquals("ERR UNKNOWN", table.status("00000000-0000-0000-0000-000000000000"));
        table.complete("00000000-0000-0000-0000-000000000000", 0); // ignored
        assertEquals(0, table.size());
    }

    @Test
    void entriesGoAfterTheRetention() {
        String old = table.begin();
        now.addAndGet(6_000_000_000L);
        String young = table.begin();
        now.addAndGet(5_000_000_000L);
        table.purge();
        assertEquals("ERR UNKNOWN", table.status(old));
        assertEquals("PENDING", table.status(young));
    }

    @Test
    void theTableIsBoundedOldestFirst() {
        String first = table.begin();
        table.begin();
        table.begin();
        table.begin();
        assertEquals(3, table.size());
        assertEquals("ERR UNKNOWN", table.status(first));
    }
}
