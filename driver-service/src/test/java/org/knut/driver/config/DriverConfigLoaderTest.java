package org.knut.driver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsConf;
import org.knut.driver.testing.TestSections;

/** ups.conf for the drivers: checks name file, line and reason; selection; where the files are. */
class DriverConfigLoaderTest {
    @TempDir
    Path conf;

    private DriverConfig load(String upsConf, String... only) throws Exception {
        Files.writeString(conf.resolve("ups.conf"), upsConf);
        DriverSettings s = new DriverSettings(Optional.of(conf.toString()), Optional.empty(),
                only.length == 0 ? Optional.empty() : Optional.of(List.of(only)), OptionalInt.empty(), "127.0.0.1", 1024);
        return new DriverConfigLoader(TestSections.REGISTRY).load(s, Map.of());
    }

    private ConfigException error(String upsConf, String... only) {
        return assertThrows(ConfigException.class, () -> load(upsConf, only));
    }

    @Test
    void sectionsWithTheirSettings() throws Exception {
        DriverConfig c = load("""
                pollinterval = 3
                retrydelay = 7
                statepath = /somewhere
                [a]
                \tdriver = dummy-ups
                \tport = a.dev
                \tdesc = "first UPS"
                \tnolock
                [b]
                \tdriver = dummy-ups
                \tport = b.seq
                \tpollinterval = 1
                \tsynchronous = maybe
                """);
        assertEquals(2, c.selected().size());
        DriverSection a = c.selected().get(0);
        assertEquals("a", a.name());
        assertEquals("a.dev", a.port());
        assertEquals(Duration.ofSeconds(3), a.pollInterval(), "global pollinterval");
        assertEquals("auto", a.synchronous());
        assertEquals(List.of(new ConfOption("desc", "first UPS", 7), new ConfOption("nolock", null, 8)), a.options());
        assertEquals(4, a.line());
        DriverSection b = c.selected().get(1);
        assertEquals(Duration.ofSeconds(1), b.pollInterval());
        assertEquals("no", b.synchronous(), "NUT publishes anything but yes/auto as no");
        assertEquals(1, b.index());
        assertEquals(Duration.ofSeconds(7), c.retryDelay());
        assertEquals(Path.of("/somewhere"), c.stateDir());
    }

    @Test
    void unknownDriverNamesTheSectionLine() {
        ConfigException e = error("[a]\n\tdriver = dummy-ups\n\tport = a.dev\n\n[ups2]\n\tdriver = usbhid-ups\n\tport = auto\n");
        assertEquals(conf.resolve("ups.conf").toString(), e.file());
        assertEquals(5, e.line());
        assertEquals("UPS [ups2]: unknown driver 'usbhid-ups' (this service has: dummy-ups)", e.reason());
    }

    @Test
    void unknownSettingNamesItsLine() {
        ConfigException e = error("[a]\n\tdriver = dummy-ups\n\tport = a.dev\n\tvendorid = 051d\n");
        assertEquals(4, e.line());
        assertEquals("UPS [a]: 'vendorid' is not a valid variable name for driver dummy-ups", e.reason());
        assertEquals("UPS [a]: 'ignore_me' is not a valid flag for driver dummy-ups",
                error("[a]\n\tdriver = dummy-ups\n\tport = a.dev\n\tignore_me\n").reason());
    }

    @Test
    void flagWithAValueAndValueWithoutOne() {
        assertEquals("UPS [a]: 'mode' is a variable and needs a value for driver dummy-ups",
                error("[a]\n\tdriver = dummy-ups\n\tport = a.dev\n\tmode\n").reason());
        assertEquals("UPS [a]: 'override.ups.mfr' needs a value ('override.ups.mfr = ...')",
                error("[a]\n\tdriver = dummy-ups\n\tport = a.dev\n\toverride.ups.mfr\n").reason());
    }

    @Test
    void badPollInterval() {
        ConfigException e = error("[a]\n\tdriver = dummy-ups\n\tport = a.dev\n\tpollinterval = 0\n");
        assertEquals(4, e.line());
        assertEquals("invalid pollinterval '0' (a positive number of seconds)", e.reason());
        assertEquals(0, error("pollinterval = soon\n[a]\n\tdriver = dummy-ups\n\tport = a.dev\n").line());
    }

    @Test
    void badModeNamesTheSection() {
        ConfigException e = error("\n[a]\n\tdriver = dummy-ups\n\tport = a.dev\n\tmode = meta\n");
        assertEquals(2, e.line());
        assertEquals("UPS [a]: Unsupported mode was specified: meta (dummy-once, dummy-loop, dummy or repeater)", e.reason());
    }

    @Test
    void missingPortAndMissingFile() {
        assertEquals("UPS [a] has no 'port' setting", error("[a]\n\tdriver = dummy-ups\n").reason());
        ConfigException e = assertThrows(ConfigException.class, () -> new DriverConfigLoader(TestSections.REGISTRY)
                .load(DriverSettings.forConfDir(Optional.of(conf.resolve("nope").toString())), Map.of()));
        assertEquals("file not found", e.reason());
    }

    @Test
    void selectionRunsOnlyTheNamedSectionsAndChecksOnlyThem() throws Exception {
        String two = "[a]\n\tdriver = dummy-ups\n\tport = a.dev\n[usb]\n\tdriver = usbhid-ups\n\tport = auto\n[c]\n\tdriver = dummy-ups\n\tport = c.dev\n";
        DriverConfig c = load(two, "c", "a");
        assertEquals(List.of("c", "a"), c.selected().stream().map(DriverSection::name).toList());
        assertEquals(2, c.selected().get(0).index(), "position in ups.conf, for the TCP port");
        assertEquals(3, c.sectionCount());
        assertEquals("no UPS [x] in ups.conf (asked for by knut.driver.ups or -a)", error(two, "x").reason());
    }

    @Test
    void statePathPrecedence() throws Exception {
        Files.writeString(conf.resolve("ups.conf"), "statepath = /from/ups.conf\n");
        UpsConf uc = UpsConf.read(conf.resolve("ups.conf"));
        UpsConf empty = UpsConf.parse("ups.conf", "");
        Map<String, String> env = Map.of("NUT_STATEPATH", "/from/env", "NUT_CONFPATH", "/conf/env");
        assertEquals(Path.of("/from/mp"), NutPaths.stateDir(Optional.of("/from/mp"), env, uc));
        assertEquals(Path.of("/from/env"), NutPaths.stateDir(Optional.empty(), env, uc));
        assertEquals(Path.of("/from/ups.conf"), NutPaths.stateDir(Optional.empty(), Map.of(), uc));
        assertEquals(Path.of("/var/run/nut"), NutPaths.stateDir(Optional.empty(), Map.of(), empty));
        assertEquals(Path.of("/mp"), NutPaths.confDir(Optional.of("/mp"), env));
        assertEquals(Path.of("/conf/env"), NutPaths.confDir(Optional.empty(), env));
        assertEquals(Path.of("/etc/nut"), NutPaths.confDir(Optional.empty(), Map.of()));
    }
}
