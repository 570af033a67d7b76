package org.knut.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void readsTheWholeEphemeralRangeStart() {
        int start = Ports.ephemeralStart();
        assertTrue(start >= 1024 && start <= 65535, "ip_local_port_range starts at " + start);
    }

    @Test
    void handsOutDistinctPortsBelowTheEphemeralRange() {
        int start = Ports.ephemeralStart();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertTrue(port < start, port + " is in the ephemeral range from " + start);
            assertTrue(seen.add(port), port + " handed out twice");
        }
    }
}
