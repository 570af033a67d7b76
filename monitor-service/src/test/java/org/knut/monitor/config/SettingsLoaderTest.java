package org.knut.monitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.NotifyType;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** upsmon.conf plus knut.monitor.* keys, read through SmallRye Config as Quarkus does. */
class SettingsLoaderTest {
    static MonitorConfig config(Map<String, String> props) {
        return config(new PropertiesConfigSource(props, "test", 100));
    }

    static MonitorConfig config(ConfigSource source) {
        // Quarkus reads durations as "30s" too; plain SmallRye only knows ISO-8601
        SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(MonitorConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(source).build();
        return c.getConfigMapping(MonitorConfig.class);
    }

    static MonitorSettings load(Path argFile, Map<String, String> props, Map<String, String> env) throws ConfigException {
        return SettingsLoader.load(argFile, false, config(props), Optional.empty(), env);
    }

    @Test
    void theFileThenTheOverrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("upsmon.conf");
        Files.writeString(file, "MONITOR demo@localhost 1 monuser pass primary\nHOSTSYNC 20\nFINALDELAY 5\n");
        MonitorSettings s = load(file, Map.of(
                "knut.monitor.hostsync", "3",
                "knut.monitor.monitor", "other@10.0.0.2:3494 0 u p secondary",
                "knut.monitor.shutdown-cmd", "/sbin/poweroff --force",
                "knut.monitor.notify-cmd", "/usr/local/bin/notify",
                "knut.monitor.powerdown-flag", "/run/killpower"), Map.of());
        assertEquals(3, s.conf().timings().hostSync());
        assertEquals(5, s.conf().timings().finalDelay());
        assertEquals(List.of("demo@localhost", "other@10.0.0.2:3494"), s.conf().monitors().stream().map(m -> m.system()).toList());
        assertEquals("/sbin/poweroff --force", s.conf().shutdownCommandLine());
        assertEquals(List.of("/usr/local/bin/notify"), s.conf().notifications().command());
        assertEquals("/run/killpower", s.conf().powerDownFlag());
        assertFalse(s.dryRun());
        assertEquals(Thresholds.NONE, s.thresholds());
        assertEquals(List.of(), s.timers());
    }

    @Test
    void theDefaultFileIsInTheConfDir(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("upsmon.conf"), "MONITOR demo 1 u p secondary\n");
        MonitorSettings s = load(null, Map.of(), Map.of("NUT_CONFPATH", dir.toString()));
        assertEquals("demo", s.conf().monitors().get(0).system());
        MonitorSettings viaKnut = SettingsLoader.load(null, true, config(Map.of()), Optional.of(dir.toString()), Map.of());
        assertTrue(viaKnut.dryRun());

        ConfigException missing = assertThrows(ConfigException.class,
                () -> load(null, Map.of(), Map.of("NUT_CONFPATH", dir.resolve("nope").toString())));
        assertEquals(dir.resolve("nope/upsmon.conf").toString(), missing.file());
        assertThrows(ConfigException.class, () -> load(dir.resolve("other.conf"), Map.of("knut.monitor.monitor", "a 1 u p primary"),
                Map.of()), "a file named explicitly must exist");
    }

    @Test
    void monitorLinesFromConfigNeedNoFile(@TempDir Path dir) throws Exception {
        MonitorSettings s = load(null, Map.of("knut.monitor.monitor", "a@h1 1 u p secondary,b@h2 1 u p secondary",
                "knut.monitor.dry-run", "true"), Map.of("NUT_CONFPATH", dir.toString()));
        assertEquals(2, s.conf().monitors().size());
        assertTrue(s.dryRun());
    }

    @Test
    void timersAndThresholds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("upsmon.conf");
        Files.writeString(file, "MONITOR demo 1 u p secondary\n");
        MonitorSettings s = load(file, Map.of(
                "knut.monitor.timer.early.start-on", "ONBATT",
                "knut.monitor.timer.early.cancel-on", "online,COMMOK",
                "knut.monitor.timer.early.seconds", "300",
                "knut.monitor.timer.early.command", "/usr/local/bin/leave",
                "knut.monitor.timer.early.ups", "demo",
                "knut.monitor.threshold.charge", "40",
                "knut.monitor.threshold.runtime", "900",
                "knut.monitor.threshold.on-battery", "600"), Map.of());
        assertEquals(List.of(new TimerRule("early", Set.of(NotifyType.ONBATT), Set.of(NotifyType.ONLINE, NotifyType.COMMOK),
                Duration.ofSeconds(300), "/usr/local/bin/leave", "demo")), s.timers());
        assertEquals(new Thresholds(40, 900, 600), s.thresholds());
        assertTrue(s.thresholds().needsBatteryReadings());
        assertNull(new Thresholds(null, null, 60).chargeBelow());
        assertFalse(new Thresholds(null, null, 60).needsBatteryReadings());
    }

    @Test
    void warningTimesNotifyFlagsAndMessagesAsKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("upsmon.conf");
        Files.writeString(file, "MONITOR demo 1 u p secondary\nRBWARNTIME 43200\nNOTIFYFLAG ONBATT SYSLOG\n");
        MonitorSettings s = load(file, Map.of(
                "knut.monitor.rbwarntime", "600",
                "knut.monitor.nocommwarntime", "60",
                "knut.monitor.notify-flag.ONBATT", "SYSLOG+EXEC",
                "knut.monitor.notify-flag.lowbatt", "IGNORE",
                "knut.monitor.notify-msg.ONBATT", "%s lost mains power"), Map.of());
        assertEquals(600, s.conf().timings().rbWarnTime());
        assertEquals(60, s.conf().timings().noCommWarnTime());
        UpsmonConf same = UpsmonConf.parse("upsmon.conf", "MONITOR demo 1 u p secondary\nNOTIFYFLAG ONBATT SYSLOG+EXEC\n"
                + "NOTIFYFLAG LOWBATT IGNORE\nNOTIFYMSG ONBATT \"%s lost mains power\"\n");
        assertEquals(same.notifications(), s.conf().notifications(), "the keys win over the file, as more lines of it would");
        assertEquals("%s lost mains power", s.conf().notifications().message(NotifyType.ONBATT));

        MonitorConfig fromEnv = config(new EnvConfigSource(Map.of("KNUT_MONITOR_NOTIFY_FLAG_ONLINE", "EXEC",
                "KNUT_MONITOR_NOCOMMWARNTIME", "90"), 300));
        MonitorSettings env = SettingsLoader.load(file, false, fromEnv, Optional.empty(), Map.of());
        assertEquals(90, env.conf().timings().noCommWarnTime());
        assertEquals(UpsmonConf.parse("upsmon.conf", "MONITOR demo 1 u p secondary\nNOTIFYFLAG ONLINE EXEC\n").notifications().flags(NotifyType.ONLINE),
                env.conf().notifications().flags(NotifyType.ONLINE));

        ConfigException type = assertThrows(ConfigException.class, () -> load(file, Map.of("knut.monitor.notify-flag.BLACKOUT", "EXEC"), Map.of()));
        assertEquals("knut.monitor.notify-flag.BLACKOUT", type.file());
        ConfigException flag = assertThrows(ConfigException.class, () -> load(file, Map.of("knut.monitor.notify-flag.ONBATT", "LOUD"), Map.of()));
        assertEquals("knut.monitor.notify-flag.ONBATT", flag.file());
        assertTrue(flag.getMessage().contains("LOUD"), flag.getMessage());
    }

    @Test
    void errorsNameTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("upsmon.conf");
        Files.writeString(file, "MONITOR demo 1 u p secondary\n");
        ConfigException type = assertThrows(ConfigException.class, () -> load(file, Map.of(
                "knut.monitor.timer.t.start-on", "BLACKOUT", "knut.monitor.timer.t.seconds", "5",
                "knut.monitor.timer.t.command", "x"), Map.of()));
        assertEquals("knut.monitor.timer.t.start-on: unknown notify type 'BLACKOUT'", type.getMessage());
        ConfigException charge = assertThrows(ConfigException.class, () -> load(file, Map.of("knut.monitor.threshold.charge", "120"),
                Map.of()));
        assertEquals("knut.monitor.threshold.charge", charge.file());
        ConfigException hostsync = assertThrows(ConfigException.class, () -> load(file, Map.of("knut.monitor.pollfreq", "0"), Map.of()));
        assertEquals("knut.monitor.pollfreq: POLLFREQ value 0 is out of range 1..2147483647", hostsync.getMessage());
        ConfigException monitor = assertThrows(ConfigException.class, () -> load(file, Map.of("knut.monitor.monitor", "x 1 u p boss"),
                Map.of()));
        assertEquals("knut.monitor.monitor", monitor.file());
    }

    @Test
    void certificateVerificationNeedsCertpathAsInUpsmon(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("upsmon.conf");
        for (String tls : List.of("CERTVERIFY 1", "CERTHOST h c 1 0")) {
            Files.writeString(file, "MONITOR demo 1 u p secondary\n" + tls + "\n");
            ConfigException e = assertThrows(ConfigException.class, () -> load(file, Map.of(), Map.of()), tls);
            assertTrue(e.reason().contains("CERTPATH"), e.reason());
        }
        Files.writeString(file, "MONITOR demo 1 u p secondary\nCERTPATH /etc/nut/ca.pem\nFORCESSL 1\nCERTVERIFY 1\n");
        assertEquals(1, load(file, Map.of(), Map.of()).conf().monitors().size());
    }

    @Test
    void commandLine() {
        assertEquals(new MonitorArgs(Path.of("/etc/nut/upsmon.conf"), 2, true, false),
                MonitorArgs.parse("-c", "/etc/nut/upsmon.conf", "-D", "-D", "--dry-run"));
        assertEquals(new MonitorArgs(Path.of("u.conf"), 3, false, false), MonitorArgs.parse("-DDD", "-f", "u.conf", "-F", "-p"));
        assertTrue(MonitorArgs.parse("-h").help());
        assertEquals(new MonitorArgs(null, 0, false, false), MonitorArgs.parse());
        assertEquals(new MonitorArgs(Path.of("u.conf"), 0, false, false, true, 900), MonitorArgs.parse("fire-drill", "-c", "u.conf", "--runtime", "900"));
        assertThrows(IllegalArgumentException.class, () -> MonitorArgs.parse("--runtime", "900"));
        assertThrows(IllegalArgumentException.class, () -> MonitorArgs.parse("fire-drill", "--runtime", "soon"));
        assertThrows(IllegalArgumentException.class, () -> MonitorArgs.parse("-c"));
        assertThrows(IllegalArgumentException.class, () -> MonitorArgs.parse("-x"));
    }
}
