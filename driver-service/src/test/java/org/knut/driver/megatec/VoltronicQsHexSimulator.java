package org.knut.driver.megatec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.knut.driver.megatec.MegatecSimulator.Power;

/**
 * A Voltronic Power UPS of the QS-Hex protocol, as nutdrv_qx's voltronic-qs-hex subdriver reads it:
 * {@code M} answers the protocol letter ({@code P}, or {@code T} for units that also send ratings bits
 * and know the quick test), {@code QS} a binary status: {@code #}, then fields of raw bytes separated
 * by spaces (voltage pairs, load, frequency pair, battery pair, the eight status bits, T: the ratings
 * bits), where a CR, XON, XOFF, LF or space byte travels as {@code 0x28} and a code 0..4. Control
 * commands are carried out without an answer; unknown or refused ones get {@code N}. Tests set the
 * electrical situation; the bytes follow from it.
 */
public final class VoltronicQsHexSimulator extends QFamilySimulator {
    /** The bytes that travel escaped, in the order of their codes. */
    private static final int[] ESCAPED = {0x0D, 0x11, 0x13, 0x0A, 0x20};
    /** 50 Hz, 24 V battery, 230 V output. */
    private static final int RATINGS = 0b00100011;

    private final char protocol;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** @param protocol {@code 'P'} or {@code 'T'} */
    public VoltronicQsHexSimulator(Path deviceEnd, char protocol) {
        super(deviceEnd, "voltronic-qs-hex-simulator");
        this.protocol = protocol;
        start();
    }

    /** Makes the unit refuse a command with {@code N}. */
    public void refuse(String command) {
        refused.add(command);
    }

    @Override
    protected void onLine(String cmd) throws IOException {
        String reply = respond(cmd);
        if (reply != null) {
            answer(reply);
        }
    }

    private String respond(String cmd) {
        if (refused.contains(cmd)) {
            return "N\r";
        }
        switch (cmd) {
            case "M" -> {
                return protocol + "\r";
            }
            case "QS" -> {
                return status();
            }
            case "Q" -> beeper = !beeper;
            case "C" -> shutdownPending = false;
            case "T" -> {
                if (protocol != 'T') {
                    return "N\r";
                }
                testing = true;
            }
            default -> {
                if (!cmd.matches("S(\\.[2-9]|\\d\\d)(R\\d{4})?")) {
                    return "N\r";
                }
                shutdownPending = true;
            }
        }
        return null;
    }

    private String status() {
        Power p = power;
        boolean onBattery = p == Power.ON_BATTERY || p == Power.LOW_BATTERY;
        StringBuilder s = new StringBuilder("#");
        // a voltage is A * B / 51 / 256 V: B = 102 makes it A / 128; on battery the input is near 0 V
        if (onBattery) {
            field(s, 0x0101, 2).append(' ');
            field(s, 0x01, 1).append(' ');
        } else {
            field(s, volts(p == Power.BOOST ? 190.2 : p == Power.TRIM ? 262.8 : 230.4), 2).append(' ');
            field(s, 102, 1).append(' ');
        }
        double out = switch (p) {
            case ONLINE -> 229.8;
            case BOOST -> 218.1;
            case TRIM -> 226.1;
            case ON_BATTERY -> 228.2;
            case LOW_BATTERY -> 221.5;
        };
        field(s, volts(out), 2).append(' ');
        field(s, 102, 1).append(' ');
        field(s, p == Power.LOW_BATTERY ? 41 : 23, 1).append(' ');
        // the frequency is the second number over the first: 1046589 / 20890 = 50.1 Hz
        field(s, 20890, 2).append(' ');
        field(s, 1046589, 3).append(' ');
        // the battery voltage is the product over 510: 232 * 60 / 510 = 27.29 V
        field(s, 232, 1).append(' ');
        field(s, p == Power.LOW_BATTERY ? 47 : onBattery ? 53 : 60, 1).append(' ');
        String bits = (onBattery ? "1" : "0") + (p == Power.LOW_BATTERY ? "1" : "0") + (p == Power.BOOST || p == Power.TRIM ? "1" : "0")
                + "01" + (testing ? "1" : "0") + (shutdownPending ? "1" : "0") + (beeper ? "1" : "0");
        field(s, Integer.parseInt(bits, 2), 1);
        if (protocol == 'T') {
            field(s.append(' '), RATINGS, 1);
        }
        return s.append('\r').toString();
    }

    private static int volts(double v) {
        return (int) Math.round(v * 128);
    }

    /** {@code value} as {@code bytes} big-endian raw bytes, escaped as the protocol escapes them. */
    private static StringBuilder field(StringBuilder s, int value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            int b = (value >> (8 * i)) & 0xff;
            if (b == 0) {
                throw new IllegalStateException("a NUL byte would be dropped by the driver's line read: " + value);
            }
            int code = indexOf(b);
            if (code >= 0) {
                s.append((char) 0x28).append((char) code);
            } else {
                s.append((char) b);
            }
        }
        return s;
    }

    private static int indexOf(int b) {
        for (int i = 0; i < ESCAPED.length; i++) {
            if (ESCAPED[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
