package org.knut.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.knut.core.client.UpsId;

/**
 * NUT's {@code upsmon.conf}, every directive of NUT 2.8 with upsmon's defaults. Where upsmon logs a
 * warning and goes on (a bad number, an unknown notify type, an unknown directive) this parser refuses
 * the file instead, naming file, line and reason: a monitor that guards a shutdown should not start on
 * a half-understood configuration.
 */
public record UpsmonConf(
        List<Monitor> monitors,
        int minSupplies,
        Timings timings,
        boolean alarmCritical,
        List<String> shutdownCmd,
        int shutdownExit,
        String powerDownFlag,
        Notifications notifications,
        Tls tls,
        String runAsUser,
        Integer debugMin,
        int pollFailLogThrottleMax) {

    /** {@code SHUTDOWNEXIT yes}: exit right after SHUTDOWNCMD. */
    public static final int SHUTDOWNEXIT_YES = 0;
    /** {@code SHUTDOWNEXIT no}: never exit after SHUTDOWNCMD (keep the sessions until stopped). */
    public static final int SHUTDOWNEXIT_NEVER = -1;

    public UpsmonConf {
        monitors = List.copyOf(monitors);
        shutdownCmd = List.copyOf(shutdownCmd);
    }

    /** The role a MONITOR line gives this host for the UPS. */
    public enum Role {
        /** The host the UPS is attached to; it sets FSD and waits for the secondaries ({@code master} before 2.8). */
        PRIMARY,
        /** A host fed by the UPS that shuts down first ({@code slave} before 2.8). */
        SECONDARY
    }

    /**
     * One MONITOR line. {@code system} is the identifier exactly as written ({@code ups@host:port}), which
     * upsmon uses in messages and as {@code UPSNAME}; {@code powerValue} 0 means monitoring only.
     */
    public record Monitor(String system, UpsId ups, int powerValue, String user, String password, Role role, int line) {
        public boolean primary() {
            return role == Role.PRIMARY;
        }

        /** Without the password: a MONITOR line may end up in a log or an error message. */
        @Override
        public String toString() {
            return "Monitor[system=" + system + ", powerValue=" + powerValue + ", user=" + user + ", role=" + role
                    + ", line=" + line + "]";
        }
    }

    /** The timing directives, in seconds. Negative OFFDURATION/OVERDURATION disable those rules. */
    public record Timings(int pollFreq, int pollFreqAlert, int deadTime, int hostSync, int finalDelay,
            int noCommWarnTime, int rbWarnTime, int offDuration, int overDuration, int oblbDuration) {
        public static final Timings DEFAULTS = new Timings(5, 5, 15, 15, 5, 300, 43200, 30, -1, 0);
    }

    /** NOTIFYCMD (program and arguments), the NOTIFYMSG overrides and the NOTIFYFLAG settings. */
    public record Notifications(List<String> command, Map<NotifyType, String> messages,
            Map<NotifyType, Set<NotifyFlag>> flags) {
        /** What upsmon does for an event nobody configured: log it and send it to the terminals. */
        public static final Set<NotifyFlag> DEFAULT_FLAGS = Collections.unmodifiableSet(EnumSet.of(NotifyFlag.SYSLOG, NotifyFlag.WALL));

        public Notifications {
            command = List.copyOf(command);
            messages = Collections.unmodifiableMap(byType(messages));
            flags = Collections.unmodifiableMap(byType(flags));
        }

        /** The message format for {@code type}: NOTIFYMSG if set, else upsmon's stock text. */
        public String message(NotifyType type) {
            return messages.getOrDefault(type, type.stockMessage());
        }

        public Set<NotifyFlag> flags(NotifyType type) {
            return flags.getOrDefault(type, DEFAULT_FLAGS);
        }

        private static <V> Map<NotifyType, V> byType(Map<NotifyType, V> map) {
            Map<NotifyType, V> copy = new EnumMap<>(NotifyType.class);
            copy.putAll(map);
            return copy;
        }
    }

    /** TLS client settings (CERT*, FORCESSL). */
    public record Tls(String certPath, String certFile, String certIdentName, String certIdentPassword,
            List<CertHost> hosts, boolean certVerify, boolean forceSsl) {
        public Tls {
            hosts = List.copyOf(hosts);
        }
    }

    /** {@code CERTHOST <host> <certname> <certverify> <forcessl>}. */
    public record CertHost(String host, String certName, boolean certVerify, boolean forceSsl) {
    }

    /** Where a notification goes (NOTIFYFLAG words). */
    public enum NotifyFlag {
        SYSLOG, WALL, EXEC, IGNORE
    }

    /**
     * Every notify type of upsmon with its stock message ({@code clients/upsmon.h}). {@code %s} is the UPS
     * as named on its MONITOR line; ALARM and OTHER carry a second {@code %s} for the details.
     */
    public enum NotifyType {
        ONLINE("UPS %s on line power"),
        ONBATT("UPS %s on battery"),
        LOWBATT("UPS %s battery is low"),
        FSD("UPS %s: forced shutdown in progress"),
        COMMOK("Communications with UPS %s established"),
        COMMBAD("Communications with UPS %s lost"),
        SHUTDOWN("Auto logout and shutdown proceeding"),
        SHUTDOWN_HOSTSYNC("Shutdown initiated; primary system is waiting for secondaries to log out or time out"),
        REPLBATT("UPS %s battery needs to be replaced"),
        NOCOMM("UPS %s is unavailable"),
        NOPARENT("upsmon parent process died - shutdown impossible"),
        CAL("UPS %s: calibration in progress"),
        NOTCAL("UPS %s: calibration finished"),
        OFF("UPS %s: administratively OFF or asleep"),
        NOTOFF("UPS %s: no longer administratively OFF or asleep"),
        BYPASS("UPS %s: on bypass (powered, not protecting)"),
        NOTBYPASS("UPS %s: no longer on bypass"),
        ECO("UPS %s: in ECO mode (as defined by vendor)"),
        NOTECO("UPS %s: no longer in ECO mode"),
        ALARM("UPS %s: one or more active alarms: [%s]"),
        NOTALARM("UPS %s is no longer in an alarm state (no active alarms)"),
        OVER("UPS %s: overloaded"),
        NOTOVER("UPS %s: no longer overloaded"),
        TRIM("UPS %s: trimming incoming voltage"),
        NOTTRIM("UPS %s: no longer trimming incoming voltage"),
        BOOST("UPS %s: boosting incoming voltage"),
        NOTBOOST("UPS %s: no longer boosting incoming voltage"),
        OTHER("UPS %s: has at least one unclassified status token: [%s]"),
        NOTOTHER("UPS %s has no unclassified status tokens anymore"),
        SUSPEND_TIMEJUMP_UNEXPECTED("Unexpected clock change by %s, treating as wake up from sleep"),
        SUSPEND_STARTING("OS is entering sleep/suspend/hibernate mode"),
        SUSPEND_FINISHED("OS just finished sleep/suspend/hibernate mode, de-activating obsolete UPS readings to avoid an unfortunate shutdown");

        private final String stockMessage;

        NotifyType(String stockMessage) {
            this.stockMessage = stockMessage;
        }

        public String stockMessage() {
            return stockMessage;
        }

        /** The type named {@code name} (case-insensitive, as upsmon compares), or null. */
        public static NotifyType byName(String name) {
            for (NotifyType t : values()) {
                if (t.name().equalsIgnoreCase(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    public static UpsmonConf defaults() {
        return new UpsmonConf(List.of(), 1, Timings.DEFAULTS, true, List.of(), SHUTDOWNEXIT_YES, null,
                new Notifications(List.of(), Map.of(), Map.of()), new Tls(null, null, null, null, List.of(), false, false),
                null, null, -1);
    }

    public static UpsmonConf read(Path file) throws ConfigException {
        return of(file.toString(), ConfigReader.read(file));
    }

    public static UpsmonConf parse(String name, String text) throws ConfigException {
        return of(name, ConfigReader.parse(name, text));
    }

    /**
     * Builds the configuration from lines that may come from several sources (a file, then overrides);
     * a later line of a single-valued directive wins, MONITOR lines add up.
     */
    public static UpsmonConf of(List<ConfigLine> lines) throws ConfigException {
        return of(lines.isEmpty() ? "upsmon.conf" : lines.get(0).file(), lines);
    }

    /** As {@link #of(List)}; whole-file errors name {@code file}, also when it has no lines at all. */
    private static UpsmonConf of(String file, List<ConfigLine> lines) throws ConfigException {
        Builder b = new Builder();
        for (ConfigLine l : lines) {
            b.apply(l);
        }
        return b.build(file);
    }

    /**
     * SHUTDOWNCMD as the one shell command line upsmon hands to {@code system()}: the first word as
     * written (it may itself be a whole command line), further words quoted; null when not configured.
     */
    public String shutdownCommandLine() {
        if (shutdownCmd.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(shutdownCmd.get(0));
        for (String arg : shutdownCmd.subList(1, shutdownCmd.size())) {
            sb.append(" '").append(arg.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    public int totalPowerValue() {
        return monitors.stream().mapToInt(Monitor::powerValue).sum();
    }

    private static final class Builder {
        final List<Monitor> monitors = new ArrayList<>();
        int minSupplies = 1;
        int pollFreq, pollFreqAlert, deadTime, hostSync, finalDelay, noCommWarnTime, rbWarnTime, offDuration,
                overDuration, oblbDuration;
        boolean alarmCritical = true;
        List<String> shutdownCmd = List.of();
        int shutdownExit = SHUTDOWNEXIT_YES;
        String powerDownFlag;
        List<String> notifyCmd = List.of();
        final Map<NotifyType, String> messages = new EnumMap<>(NotifyType.class);
        final Map<NotifyType, Set<NotifyFlag>> flags = new EnumMap<>(NotifyType.class);
        String certPath, certFile, certIdentName, certIdentPassword, runAsUser;
        final List<CertHost> certHosts = new ArrayList<>();
        boolean certVerify, forceSsl;
        Integer debugMin;
        int pollFailLogThrottleMax = -1;

        Builder() {
            Timings t = Timings.DEFAULTS;
            pollFreq = t.pollFreq();
            pollFreqAlert = t.pollFreqAlert();
            deadTime = t.deadTime();
            hostSync = t.hostSync();
            finalDelay = t.finalDelay();
            noCommWarnTime = t.noCommWarnTime();
            rbWarnTime = t.rbWarnTime();
            offDuration = t.offDuration();
            overDuration = t.overDuration();
            oblbDuration = t.oblbDuration();
        }

        void apply(ConfigLine l) throws ConfigException {
            String d = l.first().toUpperCase(Locale.ROOT);
            switch (d) {
                case "MONITOR" -> monitor(l);
                case "MINSUPPLIES" -> minSupplies = number(l, 0);
                case "POLLFREQ" -> pollFreq = number(l, 1);
                case "POLLFREQALERT" -> pollFreqAlert = number(l, 1);
                case "DEADTIME" -> deadTime = number(l, 0);
                case "HOSTSYNC" -> hostSync = number(l, 0);
                case "FINALDELAY" -> finalDelay = number(l, 0);
                case "NOCOMMWARNTIME" -> noCommWarnTime = number(l, 0);
                case "RBWARNTIME" -> rbWarnTime = number(l, 0);
                case "OFFDURATION" -> offDuration = number(l, Integer.MIN_VALUE);
                case "OVERDURATION" -> overDuration = number(l, Integer.MIN_VALUE);
                case "OBLBDURATION" -> oblbDuration = Math.max(0, number(l, Integer.MIN_VALUE));
                case "POLLFAIL_LOG_THROTTLE_MAX" -> pollFailLogThrottleMax = number(l, -1);
                case "DEBUG_MIN" -> debugMin = number(l, 0);
                case "ALARMCRITICAL" -> alarmCritical = bool(l);
                case "CERTVERIFY" -> certVerify = bool(l);
                case "FORCESSL" -> forceSsl = bool(l);
                case "SHUTDOWNCMD" -> shutdownCmd = command(l);
                case "NOTIFYCMD" -> notifyCmd = command(l);
                case "SHUTDOWNEXIT" -> shutdownExit = shutdownExit(l);
                case "POWERDOWNFLAG" -> powerDownFlag = single(l);
                case "RUN_AS_USER" -> runAsUser = single(l);
                case "CERTPATH" -> certPath = single(l);
                case "CERTFILE" -> certFile = single(l);
                case "CERTIDENT" -> {
                    arity(l, 3, "a certificate name and a password");
                    certIdentName = l.tokens().get(1);
                    certIdentPassword = l.tokens().get(2);
                }
                case "CERTHOST" -> {
                    arity(l, 5, "a host, a certificate name, certverify (0|1) and forcessl (0|1)");
                    certHosts.add(new CertHost(l.tokens().get(1), l.tokens().get(2), flag01(l, 3), flag01(l, 4)));
                }
                case "NOTIFYMSG" -> {
                    arity(l, 3, "a notify type and a message");
                    messages.put(notifyType(l), l.tokens().get(2));
                }
                case "NOTIFYFLAG" -> {
                    arity(l, 3, "a notify type and flags such as SYSLOG+WALL+EXEC or IGNORE");
                    flags.put(notifyType(l), notifyFlags(l));
                }
                default -> throw l.error("unknown upsmon.conf directive '" + l.first() + "'");
            }
        }

        private void monitor(ConfigLine l) throws ConfigException {
            List<String> t = l.tokens();
            if (t.size() == 5) {
                throw l.error("old-style MONITOR line without a username: "
                        + "use MONITOR <ups>[@host[:port]] <powervalue> <user> <password> primary|secondary");
            }
            arity(l, 6, "<ups>[@host[:port]] <powervalue> <user> <password> primary|secondary");
            String system = t.get(1);
            UpsId id;
            try {
                id = UpsId.parse(system);
            } catch (IllegalArgumentException e) {
                throw l.error("MONITOR: bad UPS identifier '" + system + "': " + e.getMessage());
            }
            int pv = UpsdConf.intArg(l, 2, 0, Integer.MAX_VALUE);
            Role role = switch (t.get(5).toLowerCase(Locale.ROOT)) {
                case "primary", "master" -> Role.PRIMARY;
                case "secondary", "slave" -> Role.SECONDARY;
                default -> throw l.error("MONITOR: unknown role '" + t.get(5) + "' (primary or secondary)");
            };
            for (Monitor m : monitors) {
                if (m.system().equals(system)) {
                    throw l.error("MONITOR: UPS " + system + " is already monitored (line " + m.line() + ")");
                }
            }
            monitors.add(new Monitor(system, id, pv, t.get(3), t.get(4), role, l.line()));
        }

        private static int number(ConfigLine l, int min) throws ConfigException {
            arity(l, 2, "one number");
            return UpsdConf.intArg(l, 1, min, Integer.MAX_VALUE);
        }

        private static boolean bool(ConfigLine l) throws ConfigException {
            arity(l, 2, "0 or 1");
            return UpsdConf.boolArg(l);
        }

        private static boolean flag01(ConfigLine l, int index) throws ConfigException {
            return UpsdConf.intArg(l, index, 0, 1) == 1;
        }

        private static String single(ConfigLine l) throws ConfigException {
            arity(l, 2, "one value (quote it if it has spaces)");
            return l.tokens().get(1);
        }

        private static List<String> command(ConfigLine l) throws ConfigException {
            if (l.size() < 2) {
                throw l.error(l.first() + " needs a command");
            }
            return List.copyOf(l.tokens().subList(1, l.size()));
        }

        private static int shutdownExit(ConfigLine l) throws ConfigException {
            arity(l, 2, "yes, no or a number of seconds");
            String v = l.tokens().get(1);
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "yes", "on", "true" -> SHUTDOWNEXIT_YES;
                case "no", "off", "false" -> SHUTDOWNEXIT_NEVER;
                default -> Math.max(SHUTDOWNEXIT_NEVER, UpsdConf.intArg(l, 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
            };
        }

        private static NotifyType notifyType(ConfigLine l) throws ConfigException {
            NotifyType type = NotifyType.byName(l.tokens().get(1));
            if (type == null) {
                throw l.error(l.first() + ": unknown notify type '" + l.tokens().get(1) + "'");
            }
            return type;
        }

        private static Set<NotifyFlag> notifyFlags(ConfigLine l) throws ConfigException {
            Set<NotifyFlag> set = new LinkedHashSet<>();
            for (String word : l.tokens().get(2).split("\\+", -1)) {
                try {
                    set.add(NotifyFlag.valueOf(word.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw l.error("NOTIFYFLAG: unknown flag '" + word + "' (SYSLOG, WALL, EXEC or IGNORE, joined with +)");
                }
            }
            return Collections.unmodifiableSet(EnumSet.copyOf(set));
        }

        private static void arity(ConfigLine l, int size, String what) throws ConfigException {
            if (l.size() != size) {
                throw l.error(l.first() + " takes " + what);
            }
        }

        UpsmonConf build(String file) throws ConfigException {
            Timings timings = new Timings(pollFreq, pollFreqAlert, deadTime, hostSync, finalDelay, noCommWarnTime, rbWarnTime,
                    offDuration, overDuration, oblbDuration);
            UpsmonConf conf = new UpsmonConf(monitors, minSupplies, timings, alarmCritical, shutdownCmd, shutdownExit, powerDownFlag,
                    new Notifications(notifyCmd, messages, flags),
                    new Tls(certPath, certFile, certIdentName, certIdentPassword, certHosts, certVerify, forceSsl),
                    runAsUser, debugMin, pollFailLogThrottleMax);
            if (conf.totalPowerValue() < minSupplies) {
                throw new ConfigException(file, 0, "insufficient power configured: the power values of the MONITOR lines add up to "
                        + conf.totalPowerValue() + ", less than MINSUPPLIES " + minSupplies);
            }
            return conf;
        }
    }
}
