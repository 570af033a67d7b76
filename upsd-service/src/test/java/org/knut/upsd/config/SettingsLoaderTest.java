package org.knut.upsd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.UpsId.HostPort;
import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsdUsers;

class SettingsLoaderTest {
    @TempDir
    Path conf;

    private final Map<String, String> config = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void nutDir() throws Exception {
        Files.writeString(conf.resolve("ups.conf"), """
                statepath = /from/ups.conf
                [alpha]
                \tdriver = dummy-ups
                \tport = alpha.dev
                \tdesc = "First UPS"
                [beta]
                \tdriver = usbhid-ups
                \tport = auto
                """);
        Files.writeString(conf.resolve("upsd.conf"), """
                LISTEN 127.0.0.1 3493
                LISTEN ::1 13493
                MAXAGE 25
                MAXCONN 50
                TRACKINGDELAY 60
                STATEPATH /from/upsd.conf
                """);
        Files.writeString(conf.resolve("upsd.users"), "[admin]\n\tpassword = secret\n\tactions = SET\n");
        env.put("NUT_CONFPATH", conf.toString());
    }

    private UpsdSettings load() throws ConfigException {
        return new SettingsLoader(k -> Optional.ofNullable(config.get(k)), config.keySet(), env).load();
    }

    private ConfigException failure() {
        return assertThrows(ConfigException.class, this::load);
    }

    @Test
    void nutFilesGiveTheDefaults() throws Exception {
        UpsdSettings s = load();
        assertEquals(conf, s.confDir());
        assertEquals(Path.of("/from/upsd.conf"), s.statePath());
        assertEquals(List.of(new HostPort("127.0.0.1", 3493), new HostPort("::1", 13493)), s.listen());
        assertEquals(25, s.maxAge());
        assertEquals(50, s.maxConn());
        assertEquals(60, s.trackingDelay());
        assertEquals(Duration.ofSeconds(60), s.timeouts().idle());
        assertTrue(s.allow().allowsAll());
        assertEquals(List.of(
                new DriverEndpoint("alpha", "First UPS", UnixDomainSocketAddress.of("/from/upsd.conf/dummy-ups-alpha")),
                new DriverEndpoint("beta", null, UnixDomainSocketAddress.of("/from/upsd.conf/usbhid-ups-beta"))), s.drivers());
        assertEquals("secret", s.users().user("admin").password());
        assertEquals(new EventLoops(SettingsLoader.DEFAULT_EVENT_LOOPS, SettingsLoader.DEFAULT_IDLE_SPIN_MICROS), s.eventLoops());
    }

    @Test
    void confPathFromConfigBeatsTheEnvironment() throws Exception {
        env.put("NUT_CONFPATH", "/nonexistent");
        config.put("knut.conf-path", conf.toString());
        assertEquals(conf, load().confDir());
    }

    @Test
    void statePathOrder() throws Exception {
        config.put("knut.state-path", "/from/config");
        env.put("NUT_STATEPATH", "/from/env");
        assertEquals(Path.of("/from/config"), load().statePath());
        config.remove("knut.state-path");
        assertEquals(Path.of("/from/upsd.conf"), load().statePath(), "as NUT's upsd: STATEPATH overrides NUT_STATEPATH");
        Files.writeString(conf.resolve("upsd.conf"), "MAXAGE 15\n");
        assertEquals(Path.of("/from/env"), load().statePath());
        env.remove("NUT_STATEPATH");
        assertEquals(Path.of("/from/ups.conf"), load().statePath(), "where the drivers put their sockets");
        Files.writeString(conf.resolve("ups.conf"), "[alpha]\n\tdriver = dummy-ups\n\tport = a.dev\n");
        assertEquals(Path.of("/var/run/nut"), load().statePath());
        assertEquals(Path.of("/var/run/nut/dummy-ups-alpha"), ((UnixDomainSocketAddress) load().drivers().get(0).address()).getPath());
    }

    @Test
    void withoutUpsdConfAndUsersTheDefaultsApply() throws Exception {
        Files.delete(conf.resolve("upsd.conf"));
        Files.delete(conf.resolve("upsd.users"));
        UpsdSettings s = load();
        assertEquals(List.of(new HostPort("127.0.0.1", 3493)), s.listen());
        assertEquals(15, s.maxAge());
        assertEquals(0, s.maxConn());
        assertEquals(3600, s.trackingDelay());
        assertTrue(s.users().users().isEmpty());
    }

    @Test
    void listenOverride() throws Exception {
        config.put("knut.upsd.listen", "127.0.0.1:13493, [::1]:13494,0.0.0.0");
        assertEquals(List.of(new HostPort("127.0.0.1", 13493), new HostPort("::1", 13494), new HostPort("0.0.0.0", 3493)),
                load().listen());
        config.put("knut.upsd.listen", "127.0.0.1:99999");
        assertEquals("knut.upsd.listen", failure().file());
    }

    @Test
    void listenStarMeansEveryAddress() throws Exception {
        Files.writeString(conf.resolve("upsd.conf"), "LISTEN * 3494\n");
        assertEquals(List.of(new HostPort("0.0.0.0", 3494)), load().listen());
    }

    @Test
    void driverOverridesReplaceAndExtend() throws Exception {
        config.put("knut.upsd.drivers", "beta=tcp:drivers.example:5000, gamma=unix:/run/g.sock,delta=tcp:[fd00::1]:7");
        List<DriverEndpoint> d = load().drivers();
        assertEquals(4, d.size());
        assertEquals("alpha", d.get(0).ups());
        assertEquals(InetSocketAddress.createUnresolved("drivers.example", 5000), d.get(1).address());
        assertEquals("tcp:drivers.example:5000", d.get(1).describe());
        assertEquals(new DriverEndpoint("gamma", null, UnixDomainSocketAddress.of("/run/g.sock")), d.get(2));
        assertEquals("tcp:[fd00::1]:7", d.get(3).describe());
    }

    @Test
    void driverOverridesKeepTheDescriptionFromUpsConf() throws Exception {
        config.put("knut.upsd.drivers", "alpha=tcp:127.0.0.1:4000");
        assertEquals("First UPS", load().drivers().get(0).desc());
    }

    @Test
    void withDriverOverridesUpsConfMayBeAbsent() throws Exception {
        Files.delete(conf.resolve("ups.conf"));
        config.put("knut.upsd.drivers", "solo=unix:/run/solo");
        assertEquals(List.of(new DriverEndpoint("solo", null, UnixDomainSocketAddress.of("/run/solo"))), load().drivers());
    }

    @Test
    void badDriverOverrides() {
        for (String bad : List.of("x", "=unix:/a", "x=unix:", "x=http://a", "x=tcp:host", "x=tcp:host:0")) {
            config.put("knut.upsd.drivers", bad);
            ConfigException e = failure();
            assertEquals("knut.upsd.drivers", e.file(), bad);
        }
    }

    @Test
    void aMissingUpsConfIsAnError() throws Exception {
        Files.delete(conf.resolve("ups.conf"));
        ConfigException e = failure();
        assertTrue(e.file().endsWith("ups.conf"), e.getMessage());
        assertEquals("file not found", e.reason());
    }

    @Test
    void noUpsIsAnErrorUnlessAllowed() throws Exception {
        Files.writeString(conf.resolve("ups.conf"), "# nothing\n");
        assertTrue(failure().reason().startsWith("no UPS defined"));
        env.put("ALLOW_NO_DEVICE", "true");
        assertTrue(load().drivers().isEmpty());
        env.remove("ALLOW_NO_DEVICE");
        Files.writeString(conf.resolve("upsd.conf"), "ALLOW_NO_DEVICE yes\n");
        assertTrue(load().drivers().isEmpty());
    }

    @Test
    void fileErrorsNameFileAndLine() throws Exception {
        Files.writeString(conf.resolve("upsd.users"), "[admin]\n\tpassword = x\n\tactions = DESTROY\n");
        ConfigException e = failure();
        assertEquals(conf.resolve("upsd.users").toString(), e.file());
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("DESTROY"), e.reason());
        Files.writeString(conf.resolve("upsd.users"), "");
        Files.writeString(conf.resolve("upsd.conf"), "MAXAGE 15\nMAXAGE soon\n");
        e = failure();
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("upsd.conf line 2"), e.getMessage());
    }

    @Test
    void usersFromConfigJoinAndOverrideTheFile() throws Exception {
        config.put("knut.upsd.users.admin.password", "from secret");
        config.put("knut.upsd.users.admin.instcmds", "load.off,test.battery.start");
        config.put("knut.upsd.users.mon.password", "monpass");
        config.put("knut.upsd.users.mon.upsmon", "secondary");
        config.put("knut.upsd.users.ops.password", "p");
        config.put("knut.upsd.users.ops.actions", "set fsd");
        UpsdUsers users = load().users();
        UpsdUsers.User admin = users.user("admin");
        assertEquals("from secret", admin.password());
        assertFalse(admin.maySet(), "the config definition replaces the file's");
        assertTrue(admin.mayInstcmd("load.off") && admin.mayInstcmd("test.battery.start") && !admin.mayInstcmd("load.on"));
        assertTrue(users.user("mon").mayLogin());
        assertFalse(users.user("mon").mayPrimary());
        assertTrue(users.user("ops").maySet() && users.user("ops").mayFsd());
    }

    @Test
    void usersNamedByListForEnvironmentVariables() throws Exception {
        // KNUT_UPSD_USERS=admin_2 and KNUT_UPSD_USERS_ADMIN_2_PASSWORD=...: only the list names the user
        Map<String, String> lookup = Map.of("knut.upsd.users", "admin_2",
                "knut.upsd.users.admin_2.password", "pw", "knut.upsd.users.admin_2.upsmon", "primary");
        env.put("NUT_CONFPATH", conf.toString());
        UpsdSettings s = new SettingsLoader(k -> Optional.ofNullable(lookup.get(k)), List.of("KNUT_UPSD_USERS"), env).load();
        assertTrue(s.users().user("admin_2").mayPrimary());
    }

    @Test
    void badConfigUsersNameTheKey() {
        config.put("knut.upsd.users.x.password", "p");
        config.put("knut.upsd.users.x.actions", "SET,DESTROY");
        ConfigException e = failure();
        assertEquals("knut.upsd.users.x.actions", e.file());
        assertTrue(e.reason().contains("DESTROY"), e.reason());
        config.put("knut.upsd.users.x.actions", "SET");
        config.put("knut.upsd.users.x.upsmon", "boss");
        assertEquals("knut.upsd.users.x.upsmon", failure().file());
        config.remove("knut.upsd.users.x.upsmon");
        config.remove("knut.upsd.users.x.password");
        e = failure();
        assertEquals("knut.upsd.users.x.password", e.file());
        assertTrue(e.reason().contains("no password"), e.reason());
    }

    @Test
    void hardeningDefaultsAndOverrides() throws Exception {
        UpsdSettings s = load();
        assertEquals(64, s.maxConnPerAddress());
        assertEquals(new ClientTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(30)), s.timeouts());
        assertEquals(LoginThrottling.DEFAULT, s.loginFailures());
        assertTrue(s.loginFailures().enabled());

        config.put("knut.upsd.max-conn-per-address", "0");
        config.put("knut.upsd.line-timeout", "2s");
        config.put("knut.upsd.send-timeout", "1m");
        config.put("knut.upsd.login-failures.max", "0");
        config.put("knut.upsd.login-failures.window", "30s");
        config.put("knut.upsd.login-failures.block", "2m");
        config.put("knut.upsd.login-failures.addresses", "100");
        s = load();
        assertEquals(0, s.maxConnPerAddress());
        assertEquals(new ClientTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(1)), s.timeouts());
        assertEquals(Duration.ofSeconds(2), s.timeouts().shortest());
        assertEquals(new LoginThrottling(0, Duration.ofSeconds(30), Duration.ofMinutes(2), 100), s.loginFailures());
        assertFalse(s.loginFailures().enabled());

        config.put("knut.upsd.login-failures.addresses", "0");
        assertEquals("knut.upsd.login-failures.addresses", failure().file());
        config.remove("knut.upsd.login-failures.addresses");
        config.put("knut.upsd.line-timeout", "never");
        assertEquals("knut.upsd.line-timeout", failure().file());
        config.remove("knut.upsd.line-timeout");
        config.put("knut.upsd.max-conn-per-address", "-1");
        assertEquals("knut.upsd.max-conn-per-address", failure().file());
    }

    @Test
    void allowIdleTimeoutAndEventLoops() throws Exception {
        config.put("knut.upsd.allow", "10.0.0.0/8");
        config.put("knut.upsd.idle-timeout", "90s");
        config.put("knut.upsd.event-loops", "3");
        config.put("knut.upsd.idle-spin-micros", "0");
        UpsdSettings s = load();
        assertFalse(s.allow().allowsAll());
        assertEquals(Duration.ofSeconds(90), s.timeouts().idle());
        assertEquals(new EventLoops(3, 0), s.eventLoops());
        for (String t : List.of("2m", "PT2M", "120", "120000ms")) {
            config.put("knut.upsd.idle-timeout", t);
            assertEquals(Duration.ofMinutes(2), load().timeouts().idle(), t);
        }
        for (String bad : List.of("0", "-5s", "soon", "5x")) {
            config.put("knut.upsd.idle-timeout", bad);
            assertEquals("knut.upsd.idle-timeout", failure().file(), bad);
        }
        config.remove("knut.upsd.idle-timeout");
        config.put("knut.upsd.event-loops", "0");
        assertEquals("knut.upsd.event-loops", failure().file());
        config.put("knut.upsd.event-loops", "1");
        for (String bad : List.of("-1", "10001", "fast")) {
            config.put("knut.upsd.idle-spin-micros", bad);
            assertEquals("knut.upsd.idle-spin-micros", failure().file(), bad);
        }
        config.remove("knut.upsd.idle-spin-micros");
        config.put("knut.upsd.allow", "localhost");
        assertEquals("knut.upsd.allow", failure().file());
    }

    @Test
    void upsdConfDirectivesFromConfigReplaceTheFiles() throws Exception {
        // e.g. KNUT_UPSD_MAX_AGE=30 in a Deployment, or keys of a mounted Secret or ConfigMap
        config.put("knut.upsd.max-age", "30");
        config.put("knut.upsd.max-conn", "0");
        config.put("knut.upsd.tracking-delay", "5");
        config.put("knut.upsd.allow-not-all-listeners", "true");
        UpsdSettings s = load();
        assertEquals(30, s.maxAge());
        assertEquals(0, s.maxConn(), "0: unlimited, as MAXCONN 0");
        assertEquals(5, s.trackingDelay());
        assertTrue(s.allowNotAllListeners());

        Files.writeString(conf.resolve("ups.conf"), "");
        assertEquals(conf.resolve("ups.conf").toString(), failure().file(), "no UPS");
        config.put("knut.upsd.allow-no-device", "TRUE");
        assertTrue(load().drivers().isEmpty());

        config.put("knut.upsd.allow-no-device", "yes");
        assertEquals("knut.upsd.allow-no-device", failure().file());
        config.put("knut.upsd.allow-no-device", "true");
        for (String bad : List.of("0", "-1", "soon")) {
            config.put("knut.upsd.max-age", bad);
            assertEquals("knut.upsd.max-age", failure().file(), bad);
        }
    }

    @Test
    void descriptionsComeFromTheDataPath() throws Exception {
        Path data = Files.createDirectory(conf.resolve("data"));
        Files.writeString(data.resolve("cmdvartab"), "VARDESC ups.status \"Status here\"\n");
        config.put("knut.data-path", data.toString());
        assertEquals("Status here", load().descriptions().variable("ups.status"));
        config.put("knut.data-path", conf.resolve("nowhere").toString());
        assertEquals(Descriptions.UNAVAILABLE, load().descriptions().variable("ups.status"));
    }

    @Test
    void blankSettingsCountAsUnset() throws Exception {
        config.put("knut.upsd.listen", "  ");
        config.put("knut.state-path", "");
        UpsdSettings s = load();
        assertEquals(3493, s.listen().get(0).port());
        assertNull(s.drivers().get(1).desc());
    }
}
