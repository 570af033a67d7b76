package org.knut.driver.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.knut.core.config.ConfigException;
import org.knut.core.model.Variable;
import org.knut.driver.config.ConfOption;
import org.knut.driver.config.DriverConfig;
import org.knut.driver.config.DriverConfigLoader;
import org.knut.driver.config.DriverSection;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.config.NutPaths;
import org.knut.driver.config.OptionKind;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverRegistry;

/**
 * Dump mode, what a NUT driver does with {@code -d <n>} (see {@link DumpArgs}): starts the driver once
 * with its settings (the ups.conf section named by {@code -a}, then the {@code -x} settings; without
 * {@code -a} a UPS named by {@code -s} or after the driver, made of the {@code -x} settings alone), lets
 * it update {@code n}+1 more times as NUT's main loop does, and prints its variables in {@code upsc}
 * format ({@code name: value}, in NUT's order) on stdout. With {@code -k} it shuts the UPS down instead.
 * Exit code 0 on success, 1 when the driver cannot start (or shut down) or its configuration is wrong,
 * 2 for bad arguments.
 */
public final class DumpCommand {
    /** NUT orders variables with strcasecmp. */
    static final Comparator<String> NUT_ORDER = Comparator.<String, String>comparing(s -> s.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    private final DriverRegistry registry;
    private final DriverSettings settings;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public DumpCommand(DriverRegistry registry, DriverSettings settings, Map<String, String> env, PrintStream out,
            PrintStream err) {
        this.registry = registry;
        this.settings = settings;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Runs with the arguments that follow the word {@code driver}; returns the exit code. */
    public int run(List<String> args) {
        DumpArgs a;
        try {
            a = DumpArgs.parse(args);
        } catch (DumpArgs.BadArguments e) {
            err.println("knut: " + e.getMessage());
            return 2;
        }
        DriverFactory factory = registry.find(a.driver());
        if (factory == null) {
            err.println("knut: unknown driver '" + a.driver() + "' (this service has: " + String.join(", ", registry.names()) + ")");
            return 2;
        }
        try {
            DriverSection section = section(factory, a);
            return a.shutdown() ? shutdown(factory, section) : dump(factory, section, a.dumpAfter());
        } catch (ConfigException e) {
            err.println("knut: " + e.getMessage());
            return 1;
        } catch (DriverException e) {
            err.println("knut: " + a.driver() + ": " + e.getMessage());
            return 1;
        }
    }

    private DriverSection section(DriverFactory factory, DumpArgs a) throws ConfigException {
        DriverConfigLoader loader = new DriverConfigLoader(registry);
        String port = null;
        List<ConfOption> xs = new ArrayList<>();
        for (ConfOption o : a.settings()) {
            if (o.key().equals("port")) {
                port = o.value();
                continue;
            }
            try {
                OptionKind.of(o, factory.name(), factory.options());
            } catch (OptionKind.InvalidOption e) {
                throw new ConfigException("-x " + o.key(), 0, e.getMessage());
            }
            xs.add(o);
        }
        if (a.fromConf()) {
            DriverSettings only = new DriverSettings(settings.confPath(), settings.statePath(), Optional.of(List.of(a.ups())),
                    settings.tcpPort(), settings.tcpHost(), settings.maxPendingBytes());
            DriverConfig config = loader.load(only, env);
            DriverSection s = config.selected().get(0);
            if (!s.driver().equals(factory.name())) {
                throw new ConfigException(s.file().toString(), s.line(), "UPS [" + s.name() + "] is for driver " + s.driver()
                        + ", not " + factory.name());
            }
            List<ConfOption> all = new ArrayList<>(s.options());
            all.addAll(xs);
            return loader.section(s.file(), config.confDir(), s.name(), s.driver(), port == null ? s.port() : port, all,
                    s.index(), s.line(), (int) s.pollInterval().toSeconds(), s.synchronous());
        }
        if (port == null) {
            throw new ConfigException("command line", 0, "you must specify a port with -a <ups> (from ups.conf) or -x port=...");
        }
        String name = a.ups() != null ? a.ups() : factory.name();
        return loader.section(Path.of("command line"), confDir(), name, factory.name(), port, xs, 0, 0,
                DriverConfigLoader.DEFAULT_POLL_INTERVAL, "auto");
    }

    private Path confDir() {
        return NutPaths.confDir(settings.confPath(), env);
    }

    /**
     * {@code -k}: starts the driver (it opens the device) and tells the UPS to cut its load, as a NUT
     * driver does for {@code upsdrvctl shutdown}; a driver that cannot fails with its reason (exit 1).
     */
    private int shutdown(DriverFactory factory, DriverSection section) throws DriverException {
        banner(factory);
        try (DriverSession session = new DriverSession(section, factory, confDir(), Clock.systemUTC())) {
            session.start();
            err.println("Initiating UPS shutdown");
            session.shutdown();
            return 0;
        }
    }

    private void banner(DriverFactory factory) {
        err.println("Network UPS Tools (knut) - " + factory.description() + " " + factory.version());
    }

    private int dump(DriverFactory factory, DriverSection section, int dumpAfter) throws DriverException {
        banner(factory);
        try (DriverSession session = new DriverSession(section, factory, confDir(), Clock.systemUTC())) {
            session.start();
            for (int i = 0; i <= dumpAfter; i++) {
                session.update();
            }
            List<Variable> vars = new ArrayList<>(session.state().upsState().variables());
            vars.sort(Comparator.comparing(Variable::name, NUT_ORDER));
            StringBuilder sb = new StringBuilder();
            for (Variable v : vars) {
                sb.append(v.name()).append(": ").append(v.value()).append('\n');
            }
            out.print(sb);
            out.flush();
            return 0;
        }
    }
}
