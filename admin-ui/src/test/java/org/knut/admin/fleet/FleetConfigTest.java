package org.knut.admin.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knut.core.client.UpsId;
import org.knut.core.config.ConfigException;
import org.knut.core.config.HostsConf;

class FleetConfigTest {
    @Test
    void restEntriesNameUpsdsByTheirNutAddress() throws Exception {
        Map<String, URI> rest = FleetConfig.rest(List.of("LocalHost:3493=http://127.0.0.1:8080", "[::1]:13493=https://upsd.example/"));
        FleetConfig c = new FleetConfig(java.nio.file.Path.of("hosts.conf"), new HostsConf(List.of()), rest);
        assertEquals(URI.create("http://127.0.0.1:8080"), c.restOf(UpsId.parse("demo@localhost")), "host case ignored, default port");
        assertEquals(URI.create("https://upsd.example/"), c.restOf(UpsId.parse("x@[::1]:13493")));
        assertNull(c.restOf(UpsId.parse("demo@localhost:3494")), "another port is another upsd: NUT protocol");
    }

    @Test
    void badRestEntriesAreConfigErrors() {
        for (String bad : List.of("http://127.0.0.1:8080", "host:99999=http://x", "host=ftp://x", "host=http://", "host=http:// x")) {
            ConfigException e = assertThrows(ConfigException.class, () -> FleetConfig.rest(List.of(bad)), bad);
            assertEquals("knut.admin.rest", e.file());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
