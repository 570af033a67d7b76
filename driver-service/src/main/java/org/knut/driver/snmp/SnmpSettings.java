package org.knut.driver.snmp;

import java.time.Duration;
import java.util.Map;

import org.snmp4j.mp.SnmpConstants;

/**
 * The snmp-ups options of one ups.conf section, checked: where the agent is and how to talk to it.
 *
 * @param host agent host name or address
 * @param port agent UDP port (161 unless {@code port = host:port})
 * @param version {@link SnmpConstants#version1}, {@code version2c} or {@code version3}
 * @param community v1/v2c community ({@code public})
 * @param usm v3 security, null for v1/v2c
 * @param retries {@code snmp_retries} (5)
 * @param timeout {@code snmp_timeout} (1 s), per try
 * @param pollFreq {@code pollfreq} (30 s): how often the whole table is read
 * @param semiStaticFreq {@code semistaticfreq} (10): semi-static rows are read every that many polls
 * @param mibs {@code mibs} (auto)
 */
record SnmpSettings(String host, int port, int version, String community, UsmSettings usm, int retries,
        Duration timeout, Duration pollFreq, int semiStaticFreq, String mibs) {

    static final int DEFAULT_PORT = 161;

    /** From the port and options of a section; IllegalArgumentException with a readable reason. */
    static SnmpSettings parse(String port, Map<String, String> o) {
        String host = port;
        int udp = DEFAULT_PORT;
        int colon = port.lastIndexOf(':');
        if (port.startsWith("[") && port.contains("]")) {
            int close = port.indexOf(']');
            host = port.substring(1, close);
            if (close + 1 < port.length() && port.charAt(close + 1) == ':') {
                udp = number("port", port.substring(close + 2), 1, 65535);
            }
        } else if (colon > 0 && port.indexOf(':') == colon) {
            host = port.substring(0, colon);
            udp = number("port", port.substring(colon + 1), 1, 65535);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("port must name the agent: host[:port]");
        }
        String versionName = o.getOrDefault("snmp_version", "v1");
        int version = switch (versionName) {
            case "v1" -> SnmpConstants.version1;
            case "v2c" -> SnmpConstants.version2c;
            case "v3" -> SnmpConstants.version3;
            default -> throw new IllegalArgumentException("Bad SNMP version: " + versionName);
        };
        UsmSettings usm = version == SnmpConstants.version3 ? UsmSettings.parse(o) : null;
        int retries = number("snmp_retries", o.getOrDefault("snmp_retries", "5"), 0, 100);
        int timeout = number("snmp_timeout", o.getOrDefault("snmp_timeout", "1"), 1, 3600);
        int pollFreq = number("pollfreq", o.getOrDefault("pollfreq", "30"), 1, 86400);
        int semi = numberOr("semistaticfreq", o.get("semistaticfreq"), 10);
        return new SnmpSettings(host, udp, version, o.getOrDefault("community", "public"), usm, retries,
                Duration.ofSeconds(timeout), Duration.ofSeconds(pollFreq), semi < 1 ? 10 : semi, o.getOrDefault("mibs", "auto"));
    }

    private static int number(String key, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }

    /** NUT reads semistaticfreq with atoi and falls back to the default below 1. */
    private static int numberOr(String key, String value, int dflt) {
        return value == null ? dflt : number(key, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        // the community is a secret (NUT marks it VAR_SENSITIVE)
        return "SnmpSettings[" + host + ":" + port + ", version " + version + ", mibs " + mibs + "]";
    }
}
