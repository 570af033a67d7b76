package org.knut.driver.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsConf;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverRegistry;

/**
 * Reads ups.conf and checks every section against its driver, so that any mistake stops the service
 * at startup with file, line and reason, the way a NUT driver refuses to start.
 */
public final class DriverConfigLoader {
    public static final int DEFAULT_POLL_INTERVAL = 2;
    static final int DEFAULT_RETRY_DELAY = 5;

    private final DriverRegistry registry;

    public DriverConfigLoader(DriverRegistry registry) {
        this.registry = registry;
    }

    /**
     * Reads ups.conf and checks the sections this instance runs (all, or those {@code knut.driver.ups}
     * names): sections for other instances may use drivers this service does not have.
     */
    public DriverConfig load(DriverSettings settings, Map<String, String> env) throws ConfigException {
        Path confDir = NutPaths.confDir(settings.confPath(), env);
        Path file = confDir.resolve("ups.conf");
        UpsConf conf = UpsConf.read(file);
        Path stateDir = NutPaths.stateDir(settings.statePath(), env, conf);
        Map<String, List<ConfOption>> options = SectionOptions.read(file);
        int globalPoll = positive(file, 0, "pollinterval", conf.global("pollinterval", String.valueOf(DEFAULT_POLL_INTERVAL)));
        int retry = positive(file, 0, "retrydelay", conf.global("retrydelay", String.valueOf(DEFAULT_RETRY_DELAY)));
        String globalSync = conf.global("synchronous", "auto");
        List<DriverSection> selected = new ArrayList<>();
        for (UpsConf.Section s : select(file, conf, settings.ups())) {
            selected.add(section(file, confDir, s.name(), s.driver(), s.port(), options.get(s.name()), conf.sections().indexOf(s),
                    s.line(), globalPoll, globalSync));
        }
        return new DriverConfig(confDir, stateDir, selected, conf.sections().size(), Duration.ofSeconds(retry));
    }

    /**
     * Checks one section: its driver exists, every setting is one the driver accepts, pollinterval is a
     * positive number and the driver takes the option values. Errors name {@code file} and the line.
     *
     * @param globalPoll pollinterval when the section sets none
     * @param globalSync synchronous when the section sets none
     */
    public DriverSection section(Path file, Path confDir, String name, String driver, String port, List<ConfOption> opts,
            int index, int line, int globalPoll, String globalSync) throws ConfigException {
        String where = "UPS [" + name + "]: ";
        DriverFactory factory = registry.find(driver);
        if (factory == null) {
            throw new ConfigException(file.toString(), line, where + "unknown driver '" + driver + "' (this service has: "
                    + String.join(", ", registry.names()) + ")");
        }
        List<ConfOption> kept = new ArrayList<>();
        int poll = globalPoll;
        String sync = globalSync;
        for (ConfOption o : opts) {
            if (o.key().equals("driver") || o.key().equals("port")) {
                continue;
            }
            try {
                OptionKind.of(o, driver, factory.options());
            } catch (OptionKind.InvalidOption e) {
                throw new ConfigException(file.toString(), o.line(), where + e.getMessage());
            }
            if (o.key().equals("pollinterval")) {
                poll = positive(file, o.line(), "pollinterval", o.value());
            } else if (o.key().equals("synchronous")) {
                sync = o.value();
            }
            kept.add(o);
        }
        DriverSection section = new DriverSection(name, driver, port, kept, Duration.ofSeconds(poll), synchronousWord(sync),
                index, file, line);
        try {
            factory.create(section.setup(factory, confDir, Clock.systemUTC())).close();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file.toString(), line, where + e.getMessage());
        }
        return section;
    }

    /** NUT publishes driver.parameter.synchronous as yes, auto, or no (for anything else). */
    private static String synchronousWord(String v) {
        return v.equals("yes") || v.equals("auto") ? v : "no";
    }

    static int positive(Path file, int line, String key, String value) throws ConfigException {
        try {
            int v = Integer.parseInt(value.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(file.toString(), line, "invalid " + key + " '" + value + "' (a positive number of seconds)");
    }

    private static List<UpsConf.Section> select(Path file, UpsConf conf, Optional<List<String>> names) throws ConfigException {
        if (names.isEmpty()) {
            return conf.sections();
        }
        List<UpsConf.Section> out = new ArrayList<>();
        for (String n : names.get()) {
            UpsConf.Section found = conf.section(n);
            if (found == null) {
                throw new ConfigException(file.toString(), 0, "no UPS [" + n + "] in ups.conf (asked for by knut.driver.ups or -a)");
            }
            if (!out.contains(found)) {
                out.add(found);
            }
        }
        return out;
    }
}
