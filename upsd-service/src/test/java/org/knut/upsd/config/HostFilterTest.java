package org.knut.upsd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.knut.core.config.ConfigException;

class HostFilterTest {
    private static boolean allows(HostFilter f, String ip) throws Exception {
        return f.allows(InetAddress.getByName(ip));
    }

    @Test
    void cidrBlocksOfBothFamilies() throws Exception {
        HostFilter f = HostFilter.parse(" 10.0.0.0/8, 192.168.1.7 ,fd00::/8, ::1/128, 172.16.0.0/12", "knut.upsd.allow");
        assertTrue(allows(f, "10.200.3.4"));
        assertTrue(allows(f, "192.168.1.7"));
        assertFalse(allows(f, "192.168.1.8"));
        assertTrue(allows(f, "172.31.255.255"));
        assertFalse(allows(f, "172.32.0.0"));
        assertTrue(allows(f, "fd12::1"));
        assertTrue(allows(f, "::1"));
        assertFalse(allows(f, "127.0.0.1"));
        assertFalse(allows(f, "fe80::1"));
        assertFalse(f.allowsAll());
    }

    @Test
    void zeroPrefixAllowsTheWholeFamily() throws Exception {
        HostFilter f = HostFilter.parse("0.0.0.0/0", "k");
        assertTrue(allows(f, "1.2.3.4"));
        assertFalse(allows(f, "::1"));
    }

    @Test
    void theDefaultAllowsEveryone() throws Exception {
        assertTrue(HostFilter.all().allowsAll());
        assertTrue(allows(HostFilter.all(), "8.8.8.8"));
    }

    @Test
    void badBlocksAreConfigErrors() {
        for (String bad : new String[] {"10.0.0.0/33", "::/129", "example.com", "10.0.0.0/x", " , ", "1.2.3.4/-1"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> HostFilter.parse(bad, "knut.upsd.allow"), bad);
            assertEquals("knut.upsd.allow", e.file());
        }
    }
}
