package org.knut.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * NUT's {@code upsd.conf}. Every directive of NUT 2.8 is accepted; values are checked, and a directive
 * we do not know is an error naming file and line.
 */
public record UpsdConf(
        List<Listen> listen,
        int maxAge,
        int maxConn,
        int trackingDelay,
        boolean allowNoDevice,
        boolean allowNotAllListeners,
        String statePath,
        String dataPath,
        String certFile,
        String certPath,
        int certRequest,
        boolean disableWeakSsl) {

    public static final int DEFAULT_PORT = 3493;

    /** One LISTEN address; {@code *} means every address. */
    public record Listen(String address, int port) {
    }

    public static UpsdConf defaults() {
        return new UpsdConf(List.of(), 15, 0, 3600, false, false, null, null, null, null, 0, false);
    }

    /** The LISTEN addresses, or NUT's default (localhost on 3493) when there are none. */
    public List<Listen> listenOrDefault() {
        return listen.isEmpty() ? List.of(new Listen("127.0.0.1", DEFAULT_PORT)) : listen;
    }

    public static UpsdConf read(Path file) throws ConfigException {
        return parse(ConfigReader.read(file));
    }

    public static UpsdConf parse(String name, String text) throws ConfigException {
        return parse(ConfigReader.parse(name, text));
    }

    private static UpsdConf parse(List<ConfigLine> lines) throws ConfigException {
        List<Listen> listen = new ArrayList<>();
        UpsdConf c = defaults();
        int maxAge = c.maxAge, maxConn = c.maxConn, trackingDelay = c.trackingDelay, certRequest = c.certRequest;
        boolean allowNoDevice = false, allowNotAll = false, weak = false;
        String statePath = null, dataPath = null, certFile = null, certPath = null;
        for (ConfigLine l : lines) {
            String d = l.first().toUpperCase(java.util.Locale.ROOT);
            switch (d) {
                case "LISTEN" -> {
                    if (l.size() < 2 || l.size() > 3) {
                        throw l.error("LISTEN takes an address and an optional port");
                    }
                    int port = l.size() == 3 ? intArg(l, 2, 1, 65535) : DEFAULT_PORT;
                    listen.add(new Listen(l.tokens().get(1), port));
                }
                case "MAXAGE" -> maxAge = intArg(l, 1, 1, Integer.MAX_VALUE);
                case "MAXCONN" -> maxConn = intArg(l, 1, 1, Integer.MAX_VALUE);
                case "TRACKINGDELAY" -> trackingDelay = intArg(l, 1, 0, Integer.MAX_VALUE);
                case "ALLOW_NO_DEVICE" -> allowNoDevice = boolArg(l);
                case "ALLOW_NOT_ALL_LISTENERS" -> allowNotAll = boolArg(l);
                case "DISABLE_WEAK_SSL" -> weak = boolArg(l);
                case "STATEPATH" -> statePath = stringArg(l);
                case "DATAPATH" -> dataPath = stringArg(l);
                case "CERTFILE" -> certFile = stringArg(l);
                case "CERTPATH" -> certPath = stringArg(l);
                case "CERTREQUEST" -> certRequest = intArg(l, 1, 0, 2);
                case "CERTIDENT", "DEBUG_MIN", "ACCEPT", "REJECT", "ACL" -> {
                    // accepted for compatibility: NSS identities, debug level, and the pre-2.4 ACLs (gone from NUT)
                }
                default -> throw l.error("unknown upsd.conf directive '" + l.first() + "'");
            }
        }
        return new UpsdConf(List.copyOf(listen), maxAge, maxConn, trackingDelay, allowNoDevice, allowNotAll,
                statePath, dataPath, certFile, certPath, certRequest, weak);
    }

    static int intArg(ConfigLine l, int index, int min, int max) throws ConfigException {
        if (l.size() <= index) {
            throw l.error(l.first() + " needs a number");
        }
        String s = l.tokens().get(index);
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw l.error(l.first() + " value " + s + " is out of range " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw l.error(l.first() + " value '" + s + "' is not a number");
        }
    }

    static boolean boolArg(ConfigLine l) throws ConfigException {
        if (l.size() == 1) {
            return true;
        }
        return switch (l.tokens().get(1).toLowerCase(java.util.Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            case "0", "no", "false", "off" -> false;
            default -> throw l.error(l.first() + " value '" + l.tokens().get(1) + "' is not a boolean");
        };
    }

    static String stringArg(ConfigLine l) throws ConfigException {
        if (l.size() != 2) {
            throw l.error(l.first() + " takes one value");
        }
        return l.tokens().get(1);
    }
}
