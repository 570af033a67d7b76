package org.knut.upsd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void ipv6InTheShortFormAsInetNtop() {
        assertEquals("::1", ClientAddress.text("0:0:0:0:0:0:0:1"));
        assertEquals("::", ClientAddress.text("0:0:0:0:0:0:0:0"));
        assertEquals("fe80::1", ClientAddress.text("fe80:0:0:0:0:0:0:1%2"));
        assertEquals("2001:db8::1:0:0:1", ClientAddress.text("2001:db8:0:0:1:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", ClientAddress.text("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("1::", ClientAddress.text("1:0:0:0:0:0:0:0"));
        assertEquals("fd00:abcd::", ClientAddress.text("FD00:ABCD:0:0:0:0:0:0"));
    }

    @Test
    void ipv4AsItIs() {
        assertEquals("127.0.0.1", ClientAddress.text("127.0.0.1"));
    }
}
