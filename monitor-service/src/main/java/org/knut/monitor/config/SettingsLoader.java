package org.knut.monitor.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.knut.core.config.ConfigException;
import org.knut.core.config.ConfigLine;
import org.knut.core.config.ConfigReader;
import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.NotifyType;

/**
 * Puts the monitor's settings together: upsmon.conf (from -c, knut.monitor.config or the conf dir), then
 * the {@code knut.monitor.*} overrides as if they were more lines of the file, then timers and
 * thresholds. Every error names where the bad value came from.
 */
public final class SettingsLoader {
    private static final String PREFIX = "knut.monitor.";

    private SettingsLoader() {
    }

    /**
     * @param argFile  the -c FILE argument, or null
     * @param confPath knut.conf-path, if set
     * @param env      the process environment (NUT_CONFPATH)
     */
    public static MonitorSettings load(Path argFile, boolean dryRunArg, MonitorConfig cfg, Optional<String> confPath,
            Map<String, String> env) throws ConfigException {
        Path file = argFile != null ? argFile : cfg.config().map(Path::of).orElse(null);
        boolean explicit = file != null;
        if (file == null) {
            String dir = confPath.orElse(env.getOrDefault("NUT_CONFPATH", "/etc/nut"));
            file = Path.of(dir, "upsmon.conf");
        }
        List<ConfigLine> lines = new ArrayList<>();
        if (explicit || Files.exists(file) || cfg.monitor().isEmpty()) {
            lines.addAll(ConfigReader.read(file));
        }
        lines.addAll(overrides(cfg));
        UpsmonConf conf = UpsmonConf.of(lines);
        checkTls(conf, file);
        return new MonitorSettings(conf, dryRunArg || cfg.dryRun(), timers(cfg), thresholds(cfg.threshold()));
    }

    private static List<ConfigLine> overrides(MonitorConfig cfg) throws ConfigException {
        List<ConfigLine> lines = new ArrayList<>();
        for (String monitor : cfg.monitor().orElse(List.of())) {
            String key = PREFIX + "monitor";
            for (ConfigLine l : ConfigReader.parse(key, "MONITOR " + monitor)) {
                lines.add(new ConfigLine(key, 0, l.tokens()));
            }
        }
        number(lines, "minsupplies", "MINSUPPLIES", cfg.minsupplies());
        number(lines, "pollfreq", "POLLFREQ", cfg.pollfreq());
        number(lines, "pollfreqalert", "POLLFREQALERT", cfg.pollfreqalert());
        number(lines, "deadtime", "DEADTIME", cfg.deadtime());
        number(lines, "hostsync", "HOSTSYNC", cfg.hostsync());
        number(lines, "finaldelay", "FINALDELAY", cfg.finaldelay());
        number(lines, "rbwarntime", "RBWARNTIME", cfg.rbwarntime());
        number(lines, "nocommwarntime", "NOCOMMWARNTIME", cfg.nocommwarntime());
        perType(lines, "notify-flag", "NOTIFYFLAG", cfg.notifyFlag());
        perType(lines, "notify-msg", "NOTIFYMSG", cfg.notifyMsg());
        cfg.shutdownCmd().ifPresent(v -> lines.add(line("shutdown-cmd", "SHUTDOWNCMD", v)));
        cfg.notifyCmd().ifPresent(v -> lines.add(line("notify-cmd", "NOTIFYCMD", v)));
        cfg.powerdownFlag().ifPresent(v -> lines.add(line("powerdown-flag", "POWERDOWNFLAG", v)));
        return lines;
    }

    private static void number(List<ConfigLine> lines, String key, String directive, OptionalInt value) {
        value.ifPresent(v -> lines.add(line(key, directive, Integer.toString(v))));
    }

    /** {@code DIRECTIVE TYPE value} for each {@code knut.monitor.KEY.TYPE}; UpsmonConf checks the type and value. */
    private static void perType(List<ConfigLine> lines, String key, String directive, Map<String, String> byType) {
        byType.forEach((type, v) -> lines.add(new ConfigLine(PREFIX + key + "." + type, 0, List.of(directive, type, v))));
    }

    private static ConfigLine line(String key, String directive, String value) {
        return new ConfigLine(PREFIX + key, 0, List.of(directive, value));
    }

    /** As upsmon: verifying certificates needs CERTPATH (the CA); without it upsmon refuses to start. */
    private static void checkTls(UpsmonConf conf, Path file) throws ConfigException {
        UpsmonConf.Tls tls = conf.tls();
        if (tls.certPath() == null && (tls.certVerify() || tls.hosts().stream().anyMatch(UpsmonConf.CertHost::certVerify))) {
            throw new ConfigException(file.toString(), 0, "CERTVERIFY is set, but CERTPATH (the CA's PEM file) isn't");
        }
    }

    private static List<TimerRule> timers(MonitorConfig cfg) throws ConfigException {
        List<TimerRule> rules = new ArrayList<>();
        for (Map.Entry<String, MonitorConfig.Timer> e : cfg.timer().entrySet()) {
            String key = PREFIX + "timer." + e.getKey();
            MonitorConfig.Timer t = e.getValue();
            if (t.seconds() < 0) {
                throw new ConfigException(key + ".seconds", 0, "must not be negative");
            }
            if (t.command().isBlank()) {
                throw new ConfigException(key + ".command", 0, "is empty");
            }
            Set<NotifyType> start = types(key + ".start-on", t.startOn());
            if (start.isEmpty()) {
                throw new ConfigException(key + ".start-on", 0, "names no notify type");
            }
            rules.add(new TimerRule(e.getKey(), start, types(key + ".cancel-on", t.cancelOn().orElse(List.of())),
                    Duration.ofSeconds(t.seconds()), t.command(), t.ups().orElse(null)));
        }
        return rules;
    }

    private static Set<NotifyType> types(String key, List<String> names) throws ConfigException {
        Set<NotifyType> types = new LinkedHashSet<>();
        for (String n : names) {
            NotifyType type = NotifyType.byName(n.trim());
            if (type == null) {
                throw new ConfigException(key, 0, "unknown notify type '" + n + "'");
            }
            types.add(type);
        }
        return types;
    }

    private static Thresholds thresholds(MonitorConfig.Threshold t) throws ConfigException {
        return new Thresholds(bounded("charge", t.charge(), 100), bounded("runtime", t.runtime(), Integer.MAX_VALUE),
                bounded("on-battery", t.onBattery(), Integer.MAX_VALUE));
    }

    private static Integer bounded(String key, OptionalInt value, int max) throws ConfigException {
        if (value.isEmpty()) {
            return null;
        }
        int v = value.getAsInt();
        if (v < 0 || v > max) {
            throw new ConfigException(PREFIX + "threshold." + key, 0, "value " + v + " is out of range 0.." + max);
        }
        return v;
    }
}
