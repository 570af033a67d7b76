package org.knut.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UpsConfTest {

    /** The example from NUT's ups.conf(5), plus globals and flags. */
    static final String EXAMPLE = """
            # global settings
            maxretry = 3
            statepath=/var/run/nut
            nowait

            [myups]
            \tdriver = usbhid-ups
            \tport = auto
            \tdesc = "Development box \\"A\\""
            \tpollinterval=5
            \tnolock

            [other]
            \tdriver = dummy-ups
            \tport = other.dev   # relative to the conf dir
            \tdesc = "Long \\
            description"
            \toverride.battery.charge.low = 20
            """;

    @Test
    void parsesGlobalsSectionsAndOptions() throws Exception {
        UpsConf c = UpsConf.parse("ups.conf", EXAMPLE);
        assertEquals(Map.of("maxretry", "3", "statepath", "/var/run/nut", "nowait", "true"), c.globals());
        assertEquals("3", c.global("maxretry", null));
        assertEquals("x", c.global("absent", "x"));
        assertEquals(List.of("myups", "other"), c.sections().stream().map(UpsConf.Section::name).toList());
        UpsConf.Section my = c.section("myups");
        assertEquals("usbhid-ups", my.driver());
        assertEquals("auto", my.port());
        assertEquals("Development box \"A\"", my.desc());
        assertEquals("5", my.option("pollinterval", null));
        assertEquals("true", my.option("nolock", null));
        assertEquals(6, my.line());
        UpsConf.Section other = c.section("other");
        assertEquals("other.dev", other.port());
        assertEquals("Long description", other.desc());
        assertEquals("20", other.option("override.battery.charge.low", null));
        assertEquals("", c.section("myups").option("desc", "").isEmpty() ? "" : "", "options exclude driver and port");
        assertNull(my.options().get("driver"));
        assertNull(c.section("absent"));
    }

    @Test
    void missingDriverOrPortNamesTheSection() {
        ConfigException e = assertThrows(ConfigException.class, () -> UpsConf.parse("ups.conf", "[a]\n port = x\n"));
        assertEquals("ups.conf", e.file());
        assertEquals(1, e.line());
        assertTrue(e.reason().contains("driver"), e.reason());
        e = assertThrows(ConfigException.class, () -> UpsConf.parse("ups.conf", "[ok]\ndriver=d\nport=p\n\n[b]\n driver = x\n"));
        assertEquals(5, e.line());
        assertTrue(e.reason().contains("port"), e.reason());
    }

    @Test
    void duplicateAndInvalidNames() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> UpsConf.parse("ups.conf", "[a]\ndriver=d\nport=p\n[a]\ndriver=d\nport=p\n"));
        assertEquals(4, e.line());
        assertTrue(e.reason().contains("twice"), e.reason());
        e = assertThrows(ConfigException.class, () -> UpsConf.parse("ups.conf", "[a@b]\ndriver=d\nport=p\n"));
        assertEquals(1, e.line());
        assertTrue(e.reason().contains("invalid UPS name"), e.reason());
    }

    @Test
    void malformedLines() {
        ConfigException e = assertThrows(ConfigException.class, () -> UpsConf.parse("ups.conf", "[a]\ndriver d\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("key = value"), e.reason());
        e = assertThrows(ConfigException.class, () -> UpsConf.parse("ups.conf", "[a]\ndriver =\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("missing value"), e.reason());
        e = assertThrows(ConfigException.class, () -> UpsConf.parse("ups.conf", "[a]\ndriver = \"x\nport = y\n"));
        assertEquals(2, e.line());
    }

    @Test
    void emptyFileHasNoUps() throws Exception {
        UpsConf c = UpsConf.parse("ups.conf", "# nothing\n");
        assertTrue(c.sections().isEmpty());
        assertTrue(c.globals().isEmpty());
    }
}
