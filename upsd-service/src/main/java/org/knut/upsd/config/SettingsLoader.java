package org.knut.upsd.config;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.knut.core.client.UpsId.HostPort;
import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsConf;
import org.knut.core.config.UpsdConf;
import org.knut.core.config.UpsdUsers;

/**
 * Resolves {@link UpsdSettings} from the NUT configuration directory and the {@code knut.*} settings.
 * Every setting (MicroProfile config: system property, environment variable such as
 * {@code KNUT_UPSD_LISTEN}, or application.properties):
 *
 * <pre>
 * knut.conf-path           NUT config dir (ups.conf, upsd.conf, upsd.users); else env NUT_CONFPATH, else /etc/nut
 * knut.state-path          driver sockets dir; else upsd.conf STATEPATH (which overrides NUT_STATEPATH, as in
 *                          NUT's upsd), env NUT_STATEPATH, ups.conf statepath, else /var/run/nut
 * knut.data-path           where cmdvartab (descriptions) is; else upsd.conf DATAPATH, else /usr/share/nut (NUT's DATADIR)
 * knut.upsd.listen         host:port,... (IPv6 as [::1]:3493); replaces upsd.conf LISTEN
 * knut.upsd.drivers        name=unix:/path or name=tcp:host:port,... ; replaces the ups.conf address of a UPS
 *                          of that name or adds a UPS (its desc still comes from ups.conf); with it, ups.conf
 *                          may be absent
 * knut.upsd.allow          CIDR blocks allowed to connect, comma list; default every address
 * knut.upsd.idle-timeout   clients silent this long are closed; 60s (NUT's fixed value); "90", "90s", "2m", "PT90S"
 * knut.upsd.line-timeout   a request line not finished this long closes the client (slow loris); 10s
 * knut.upsd.send-timeout   a client not reading its replies this long is closed; 30s
 * knut.upsd.max-conn-per-address
 *                          most clients from one address at once; 64, 0 = no limit but MAXCONN
 * knut.upsd.login-failures.max, .window, .block, .addresses
 *                          after max (30) failed logins within window (1m), an address's logins are refused
 *                          for block (5m); addresses remembered at most (10000); max 0 turns it off
 * knut.upsd.event-loops    NUT server instances sharing the port; default 1, like upsd's one thread
 * knut.upsd.idle-spin-micros
 *                          how long an event loop out of work keeps polling before it sleeps, while requests
 *                          come that fast; default 100, 0 = always sleep at once
 * knut.upsd.users.*        users (see ConfigUsers)
 * knut.upsd.replica-id     this replica's name towards the drivers; default env HOSTNAME (the pod's name)
 *                          plus a random suffix, so that a restarted replica is a new one
 * knut.upsd.max-age, knut.upsd.max-conn, knut.upsd.tracking-delay, knut.upsd.allow-no-device,
 * knut.upsd.allow-not-all-listeners
 *                          replace upsd.conf's MAXAGE, MAXCONN, TRACKINGDELAY, ALLOW_NO_DEVICE, ALLOW_NOT_ALL_LISTENERS
 * knut.upsd.tls.*, knut.upsd.driver-link.*
 *                          STARTTLS and the driver links' TLS and token (see TlsSettingsLoader)
 * </pre>
 *
 * From upsd.conf: LISTEN, MAXAGE, MAXCONN, TRACKINGDELAY, STATEPATH, ALLOW_NO_DEVICE (also env
 * ALLOW_NO_DEVICE=true), ALLOW_NOT_ALL_LISTENERS. A missing upsd.conf or upsd.users means defaults and no
 * users; a missing ups.conf is an error unless knut.upsd.drivers names the drivers.
 */
public final class SettingsLoader {
    static final int DEFAULT_EVENT_LOOPS = 1;
    static final int DEFAULT_IDLE_SPIN_MICROS = 100;
    static final int MAX_IDLE_SPIN_MICROS = 10_000;
    static final String DEFAULT_CONF = "/etc/nut";
    static final String DEFAULT_STATE = "/var/run/nut";
    static final String DEFAULT_DATA = "/usr/share/nut";
    static final int DEFAULT_MAX_CONN_PER_ADDRESS = 64;

    private final Function<String, Optional<String>> config;
    private final Iterable<String> configNames;
    private final Map<String, String> env;

    /**
     * @param config      reads one MicroProfile config key
     * @param configNames every known config key (to find users given as dotted keys)
     * @param env         the process environment
     */
    public SettingsLoader(Function<String, Optional<String>> config, Iterable<String> configNames, Map<String, String> env) {
        this.config = key -> config.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        this.configNames = configNames;
        this.env = env;
    }

    public UpsdSettings load() throws ConfigException {
        Path confDir = Path.of(setting("knut.conf-path", "NUT_CONFPATH", DEFAULT_CONF));
        Path upsdConfFile = confDir.resolve("upsd.conf");
        UpsdConf upsd = Files.exists(upsdConfFile) ? UpsdConf.read(upsdConfFile) : UpsdConf.defaults();
        Optional<String> driverOverrides = config.apply("knut.upsd.drivers");
        Path upsConfFile = confDir.resolve("ups.conf");
        UpsConf ups = driverOverrides.isPresent() && !Files.exists(upsConfFile)
                ? new UpsConf(Map.of(), List.of())
                : UpsConf.read(upsConfFile);

        // as NUT's upsd: upsd.conf STATEPATH overrides NUT_STATEPATH (upsd(8)); then the drivers' own choice
        Path statePath = Path.of(config.apply("knut.state-path")
                .or(() -> Optional.ofNullable(upsd.statePath()))
                .or(() -> Optional.ofNullable(env.get("NUT_STATEPATH")).filter(s -> !s.isBlank()))
                .or(() -> Optional.ofNullable(ups.globals().get("statepath")))
                .orElse(DEFAULT_STATE));

        List<DriverEndpoint> drivers = drivers(ups, statePath, driverOverrides);
        boolean allowNoDevice = flag("knut.upsd.allow-no-device", upsd.allowNoDevice())
                || "true".equalsIgnoreCase(env.get("ALLOW_NO_DEVICE"));
        if (drivers.isEmpty() && !allowNoDevice) {
            throw new ConfigException(upsConfFile.toString(), 0,
                    "no UPS defined (add a [section], set knut.upsd.drivers, or ALLOW_NO_DEVICE in upsd.conf)");
        }

        Path usersFile = confDir.resolve("upsd.users");
        UpsdUsers fileUsers = Files.exists(usersFile) ? UpsdUsers.read(usersFile) : new UpsdUsers(Map.of());
        UpsdUsers users = ConfigUsers.merge(fileUsers, ConfigUsers.read(config, configNames));

        TlsSettingsLoader tls = new TlsSettingsLoader(config, this::flag);
        Path dataPath = Path.of(config.apply("knut.data-path").orElse(upsd.dataPath() != null ? upsd.dataPath() : DEFAULT_DATA));
        return new UpsdSettings(confDir, statePath, listen(upsd),
                flag("knut.upsd.allow-not-all-listeners", upsd.allowNotAllListeners()),
                number("knut.upsd.max-age", upsd.maxAge(), 1), number("knut.upsd.max-conn", upsd.maxConn(), 0),
                number("knut.upsd.tracking-delay", upsd.trackingDelay(), 1), allow(), drivers, users,
                Descriptions.load(dataPath.resolve("cmdvartab")),
                new EventLoops(eventLoops(), idleSpinMicros()), replicaId(),
                number("knut.upsd.max-conn-per-address", DEFAULT_MAX_CONN_PER_ADDRESS, 0), timeouts(), loginFailures(),
                tls.nut(upsd), tls.driverLink());
    }

    private ClientTimeouts timeouts() throws ConfigException {
        return new ClientTimeouts(duration("knut.upsd.idle-timeout", ClientTimeouts.DEFAULT_IDLE),
                duration("knut.upsd.line-timeout", ClientTimeouts.DEFAULT_LINE),
                duration("knut.upsd.send-timeout", ClientTimeouts.DEFAULT_SEND));
    }

    private LoginThrottling loginFailures() throws ConfigException {
        String p = "knut.upsd.login-failures.";
        LoginThrottling d = LoginThrottling.DEFAULT;
        return new LoginThrottling(number(p + "max", d.maxFailures(), 0), duration(p + "window", d.window()),
                duration(p + "block", d.block()), number(p + "addresses", d.maxAddresses(), 1));
    }

    private String replicaId() {
        return config.apply("knut.upsd.replica-id").filter(s -> !s.isBlank()).orElseGet(() -> {
            String host = Optional.ofNullable(env.get("HOSTNAME")).filter(s -> !s.isBlank()).orElse("upsd");
            return host + "-" + Long.toHexString(new java.security.SecureRandom().nextLong() & 0xffffffffL);
        });
    }

    private String setting(String key, String envName, String fallback) {
        return config.apply(key)
                .or(() -> Optional.ofNullable(env.get(envName)).filter(s -> !s.isBlank()))
                .orElse(fallback);
    }

    /** A whole number of at least {@code min} from config, else {@code fromFile} (upsd.conf's value or the default). */
    private int number(String key, int fromFile, int min) throws ConfigException {
        Optional<String> v = config.apply(key);
        if (v.isEmpty()) {
            return fromFile;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key, 0, "'" + v.get() + "' is not a whole number of at least " + min);
    }

    /** true or false from config, else the upsd.conf value. */
    private boolean flag(String key, boolean fromFile) throws ConfigException {
        Optional<String> v = config.apply(key);
        if (v.isEmpty()) {
            return fromFile;
        }
        if (v.get().equalsIgnoreCase("true") || v.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v.get());
        }
        throw new ConfigException(key, 0, "'" + v.get() + "' is not true or false");
    }

    private List<DriverEndpoint> drivers(UpsConf ups, Path statePath, Optional<String> overrides) throws ConfigException {
        Map<String, DriverEndpoint> byName = new LinkedHashMap<>();
        for (UpsConf.Section s : ups.sections()) {
            SocketAddress socket = UnixDomainSocketAddress.of(statePath.resolve(s.driver() + "-" + s.name()));
            byName.put(s.name(), new DriverEndpoint(s.name(), s.options().get("desc"), socket));
        }
        if (overrides.isPresent()) {
            for (String raw : overrides.get().split(",")) {
                if (raw.isBlank()) {
                    continue;
                }
                DriverEndpoint e = driverEntry(raw.trim(), ups);
                byName.put(e.ups(), e);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static DriverEndpoint driverEntry(String entry, UpsConf ups) throws ConfigException {
        String key = "knut.upsd.drivers";
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(key, 0, "'" + entry + "': expected name=unix:/path or name=tcp:host:port");
        }
        String name = entry.substring(0, eq).trim();
        String target = entry.substring(eq + 1).trim();
        SocketAddress address;
        if (target.startsWith("unix:") && target.length() > 5) {
            address = UnixDomainSocketAddress.of(target.substring(5));
        } else if (target.startsWith("tcp:")) {
            String hp = target.substring(4);
            if (hp.isEmpty() || !(hp.lastIndexOf(':') > hp.lastIndexOf(']'))) {
                throw new ConfigException(key, 0, "'" + entry + "': tcp: needs host:port");
            }
            try {
                HostPort parsed = HostPort.parse(hp);
                address = InetSocketAddress.createUnresolved(parsed.host(), parsed.port());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, 0, "'" + entry + "': " + e.getMessage());
            }
        } else {
            throw new ConfigException(key, 0, "'" + entry + "': expected name=unix:/path or name=tcp:host:port");
        }
        UpsConf.Section section = ups.section(name);
        return new DriverEndpoint(name, section == null ? null : section.options().get("desc"), address);
    }

    private List<HostPort> listen(UpsdConf upsd) throws ConfigException {
        Optional<String> override = config.apply("knut.upsd.listen");
        List<HostPort> out = new ArrayList<>();
        if (override.isPresent()) {
            for (String raw : override.get().split(",")) {
                if (raw.isBlank()) {
                    continue;
                }
                try {
                    out.add(anyAddress(HostPort.parse(raw.trim())));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("knut.upsd.listen", 0, "'" + raw.trim() + "': " + e.getMessage());
                }
            }
            if (out.isEmpty()) {
                throw new ConfigException("knut.upsd.listen", 0, "no address given");
            }
            return out;
        }
        for (UpsdConf.Listen l : upsd.listenOrDefault()) {
            out.add(anyAddress(new HostPort(l.address(), l.port())));
        }
        return out;
    }

    /** NUT's {@code LISTEN *} means every address. */
    private static HostPort anyAddress(HostPort hp) {
        return hp.host().equals("*") ? new HostPort("0.0.0.0", hp.port()) : hp;
    }

    private HostFilter allow() throws ConfigException {
        Optional<String> allow = config.apply("knut.upsd.allow");
        return allow.isPresent() ? HostFilter.parse(allow.get(), "knut.upsd.allow") : HostFilter.all();
    }

    /** A positive duration from config, else {@code fallback}. */
    private Duration duration(String key, Duration fallback) throws ConfigException {
        Optional<String> v = config.apply(key);
        if (v.isEmpty()) {
            return fallback;
        }
        Duration d = parseDuration(v.get());
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(key, 0,
                    "'" + v.get() + "' is not a positive duration (e.g. 60, 60s, 2m, PT60S)");
        }
        return d;
    }

    /** Seconds as a bare number, a number with ms/s/m/h, or ISO-8601; null when unreadable. */
    static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(s.trim().toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            char unit = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
            String num = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1);
            long n = Long.parseLong(num);
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Character.isDigit(unit) ? Duration.ofSeconds(n) : null;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private int idleSpinMicros() throws ConfigException {
        int micros = number("knut.upsd.idle-spin-micros", DEFAULT_IDLE_SPIN_MICROS, 0);
        if (micros > MAX_IDLE_SPIN_MICROS) {
            // a loop that polls for longer than this between requests is as good as never sleeping
            throw new ConfigException("knut.upsd.idle-spin-micros", 0,
                    "'" + micros + "' is more than " + MAX_IDLE_SPIN_MICROS + " microseconds");
        }
        return micros;
    }

    private int eventLoops() throws ConfigException {
        Optional<String> v = config.apply("knut.upsd.event-loops");
        if (v.isEmpty()) {
            // one loop serves ~90k GET/s; like upsd's single thread, it leaves the other cores to the
            // rest of the node (bench/run.sh measured more loops as slower on 2 cores shared with load)
            return DEFAULT_EVENT_LOOPS;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("knut.upsd.event-loops", 0, "'" + v.get() + "' is not a number from 1 to 256");
    }
}
