package org.knut.core.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knut.core.protocol.NutTokenizer;

class ReplicaLoginsTest {
    @Test
    void roundTripsThroughTheTokenizer() throws Exception {
        ReplicaLogins r = new ReplicaLogins("upsd-7f9c d", 2, List.of("10.0.0.5", "::1"));
        assertEquals("CLIENTS \"upsd-7f9c d\" 2 10.0.0.5 ::1", r.line());
        assertEquals(r, ReplicaLogins.parse(NutTokenizer.tokenize(r.line())));
        assertEquals(new ReplicaLogins("a", 0, List.of()), ReplicaLogins.parse(NutTokenizer.tokenize(ReplicaLogins.gone("a"))));
    }

    @Test
    void keepsTheCountWhenTheAddressesDoNotFit() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add("10.0." + i / 250 + "." + i % 250);
        }
        ReplicaLogins r = new ReplicaLogins("r", many.size(), many);
        assertEquals(ReplicaLogins.MAX_ADDRESSES, r.addresses().size());
        assertEquals(500, r.count());
    }

    @Test
    void rejectsWhatIsNotACompleteLine() throws Exception {
        for (String bad : new String[] { "CLIENTS", "CLIENTS r", "CLIENTS r x", "CLIENTS r -1", "CLIENTS \"\" 1", "SETINFO a b" }) {
            assertNull(ReplicaLogins.parse(NutTokenizer.tokenize(bad)), bad);
        }
    }
}
