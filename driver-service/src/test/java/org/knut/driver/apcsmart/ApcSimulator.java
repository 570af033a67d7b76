package org.knut.driver.apcsmart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knut.driver.serial.DeviceSimulator;

/**
 * An APC Smart-UPS 1500 (firmware 652.12.I) speaking the Smart protocol as apcsmart expects it:
 * {@code Y} answers {@code SM}, {@code a} the command set, {@code ^Z} the capability string; each
 * variable character answers its value, {@code -} steps the last variable read to its next allowed
 * value (or, after a string variable, takes 8 characters as the new string); commands answer
 * {@code OK}; {@code K}/{@code Z}/{@code ^N} act only when sent twice; {@code @} takes three digits.
 * Power changes send the alert characters ({@code !} on battery, {@code $} back on line, {@code %} low
 * battery, {@code +} battery ok). Unknown characters answer {@code NA}.
 */
public final class ApcSimulator extends DeviceSimulator {
    /** The electrical situation. */
    public enum Power {
        ONLINE, ON_BATTERY, LOW_BATTERY
    }

    /** Commands in the 'a' answer (protocol 3, alerts, commands). */
    static final String COMMANDS = "\001\032@ABCDEFGKLMNOPQRSTUVWXYZbcefgjklmnopqrsuxy9\016";
    private static final Map<Character, List<String>> ENUMS = new LinkedHashMap<>();

    static {
        ENUMS.put('p', List.of("020", "180", "300", "600"));
        ENUMS.put('r', List.of("000", "060", "180", "300"));
        ENUMS.put('e', List.of("00", "15", "50", "90"));
        ENUMS.put('q', List.of("02", "05", "07", "10"));
        ENUMS.put('l', List.of("196", "188", "208", "204"));
        ENUMS.put('u', List.of("253", "264", "271", "280"));
        ENUMS.put('s', List.of("H", "M", "L", "A"));
        ENUMS.put('k', List.of("0", "T", "L", "N"));
    }

    private final Map<Character, String> values = new LinkedHashMap<>();
    private volatile Power power = Power.ONLINE;
    private char lastVar;
    private StringBuilder pending;
    private char pendingCmd;
    private char lastRepeatable;
    private boolean calibrating;

    public ApcSimulator(Path deviceEnd) {
        super(deviceEnd, "apc-simulator");
        values.put('\001', "Smart-UPS 1500");
        values.put('n', "AS0123456789");
        values.put('m', "01/02/20");
        values.put('b', "652.12.I");
        values.put('x', "01/02/20");
        values.put('c', "UPS_IDEN");
        values.put('C', "030.1");
        values.put('P', "023.4");
        values.put('L', "230.4");
        values.put('O', "230.4");
        values.put('F', "50.00");
        values.put('M', "235.2");
        values.put('N', "228.0");
        values.put('f', "100.0");
        values.put('B', "27.35");
        values.put('j', "0045:");
        values.put('E', "336");
        values.put('X', "OK");
        values.put('g', "024");
        values.put('G', "S");
        values.put('T', "123.4");
        values.put('o', "230");
        values.put('9', "FF");
        for (Map.Entry<Character, List<String>> e : ENUMS.entrySet()) {
            values.put(e.getKey(), e.getValue().get(0));
        }
        start();
    }

    /** Changes the power situation and sends the alerts a real unit sends. */
    public synchronized void power(Power p) {
        Power old = power;
        power = p;
        values.put('L', p == Power.ONLINE ? "230.4" : "000.0");
        values.put('f', switch (p) {
            case ONLINE -> "100.0";
            case ON_BATTERY -> "071.0";
            case LOW_BATTERY -> "012.0";
        });
        values.put('j', p == Power.LOW_BATTERY ? "0002:" : p == Power.ON_BATTERY ? "0031:" : "0045:");
        StringBuilder alerts = new StringBuilder();
        if ((old == Power.ONLINE) != (p == Power.ONLINE)) {
            alerts.append(p == Power.ONLINE ? '$' : '!');
        }
        if ((old == Power.LOW_BATTERY) != (p == Power.LOW_BATTERY)) {
            alerts.append(p == Power.LOW_BATTERY ? '%' : '+');
        }
        if (alerts.length() > 0) {
            unsolicited(alerts.toString());
        }
    }

    /** A stored value, as the UPS would answer it. */
    public synchronized String value(char cmd) {
        return values.get(cmd);
    }

    private String register() {
        int bits = switch (power) {
            case ONLINE -> 0x08;
            case ON_BATTERY -> 0x10;
            case LOW_BATTERY -> 0x50;
        };
        return String.format("%02X", bits | (calibrating ? 1 : 0));
    }

    private static String capabilities() {
        StringBuilder s = new StringBuilder("#");
        for (Map.Entry<Character, List<String>> e : ENUMS.entrySet()) {
            List<String> v = e.getValue();
            s.append(e.getKey()).append('4').append((char) ('0' + v.size())).append((char) ('0' + v.get(0).length()));
            v.forEach(s::append);
        }
        // output voltage choices for another locale (D) and for this one (I): only the latter counts
        s.append("oD43115100120127").append("oI43230240220225");
        return s.toString();
    }

    @Override
    protected char terminator() {
        return '\n';
    }

    @Override
    protected synchronized void onByte(int b) throws IOException {
        char c = (char) b;
        if (pending != null) {
            pending.append(c);
            int want = pendingCmd == '@' ? 3 : 8;
            if (pending.length() == want) {
                String arg = pending.toString();
                pending = null;
                record(pendingCmd + arg);
                if (pendingCmd == '-') {
                    values.put(lastVar, arg.replace("\r", ""));
                }
                answer("OK\r\n");
            }
            return;
        }
        if (c == 'K' || c == 'Z' || c == '\016') {
            if (lastRepeatable == c) {
                lastRepeatable = 0;
                record(c + "" + c);
                if (c == 'K') {
                    answer("OK\r\n");
                }
            } else {
                lastRepeatable = c; // must be sent twice
            }
            return;
        }
        lastRepeatable = 0;
        if (c == '@' || (c == '-' && (lastVar == 'c' || lastVar == 'x'))) {
            pending = new StringBuilder();
            pendingCmd = c;
            return;
        }
        record(String.valueOf(c));
        respond(c);
    }

    private void respond(char c) throws IOException {
        String v = values.get(c);
        if (v != null) {
            lastVar = c;
            answer(v + "\r\n");
            return;
        }
        switch (c) {
            case 'Y' -> answer("SM\r\n");
            case 'R' -> answer("BYE\r\n");
            case 27 -> {
            }
            case 'Q' -> answer(register() + "\r\n");
            case 'a' -> answer("3.!$%+?=#|." + COMMANDS + "\r\n");
            case '\032' -> answer(capabilities() + "\r\n");
            case '-' -> {
                List<String> e = ENUMS.get(lastVar);
                if (e == null) {
                    answer("NO\r\n");
                } else {
                    values.put(lastVar, e.get((e.indexOf(values.get(lastVar)) + 1) % e.size()));
                    answer("OK\r\n");
                }
            }
            case 'D' -> {
                calibrating = !calibrating;
                answer("OK\r\n");
            }
            case 'S' -> answer(power == Power.ONLINE ? "NA\r\n" : "OK\r\n");
            case 'A', 'U', 'W' -> answer("OK\r\n");
            default -> answer("NA\r\n");
        }
    }
}
