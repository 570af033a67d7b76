package org.knut.driver.megatec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;


/**
 * A Megatec/Q1 UPS as the protocol description (networkupstools.org/ups-protocols/megatec.html)
 * defines it: {@code Q1}/{@code QS}/{@code D} status lines, {@code F} ratings, {@code I} vendor
 * information; the control commands change its state and are not answered, unknown ones are echoed
 * back. An ACK/NAK unit (Mecer's, Voltronic Power P98) answers control commands {@code (ACK} and
 * unknown ones {@code (NAK}. Tests set the electrical situation; the answers follow from it.
 */
public final class MegatecSimulator extends QFamilySimulator {
    /** The electrical situation the UPS reports. */
    public enum Power {
        /** Mains present, normal voltage. */
        ONLINE,
        /** Mains low, output boosted. */
        BOOST,
        /** Mains high, output trimmed. */
        TRIM,
        /** Mains failed, running on battery. */
        ON_BATTERY,
        /** On battery and the battery is nearly empty. */
        LOW_BATTERY
    }

    private final Set<String> statusCommands;
    private final boolean perCellVoltage;
    private final boolean ignoreFirstF;
    private final Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile String vendorQuery = "I";
    private volatile String protocolLetter;
    private volatile String protocolQuery;
    private volatile boolean acknowledges;
    private volatile String ratings = "#230.0 004 024.0 50.0\r";
    private volatile boolean failed;
    private boolean fSeen;

    /**
     * @param statusCommands the status queries this unit knows ({@code Q1}, {@code QS}, {@code D})
     * @param perCellVoltage report the battery voltage per cell (2.27 V) instead of for the 24 V string
     * @param ignoreFirstF answer F only from the second F on (Ippon)
     */
    public MegatecSimulator(Path deviceEnd, Set<String> statusCommands, boolean perCellVoltage, boolean ignoreFirstF) {
        super(deviceEnd, "megatec-simulator");
        this.statusCommands = Set.copyOf(statusCommands);
        this.perCellVoltage = perCellVoltage;
        this.ignoreFirstF = ignoreFirstF;
        start();
    }

    /** A plain Q1 unit with a 24 V battery. */
    public static MegatecSimulator q1(Path deviceEnd) {
        return new MegatecSimulator(deviceEnd, Set.of("Q1"), false, false);
    }

    /** The query the vendor line answers: {@code I} (default), {@code FW?} (Zinto, Hunnox), or null for none. */
    public void vendorQuery(String query) {
        this.vendorQuery = query;
    }

    /** The answer to {@code M} (Voltronic-QS units say {@code V}); null echoes M as unknown. */
    public void protocolLetter(String letter) {
        this.protocolLetter = letter;
    }

    /** The answer to {@code QPI} without its CR (P98 units: {@code (PI98}); null: unknown to this unit. */
    public void protocolQuery(String answer) {
        this.protocolQuery = answer;
    }

    /** Control commands answered {@code (ACK}, unknown and refused ones {@code (NAK}, instead of silence and echo. */
    public void acknowledges(boolean ack) {
        this.acknowledges = ack;
    }

    /** The answer to {@code F}, without its CR. */
    public void ratings(String line) {
        this.ratings = line + "\r";
    }

    /** Makes the unit treat a command as invalid (echo it back), as models without that feature do. */
    public void refuse(String command) {
        refused.add(command);
    }

    /** Sets the "UPS failed" bit (a failed self-test). */
    public void failed(boolean f) {
        this.failed = f;
    }

    @Override
    protected void onLine(String cmd) throws IOException {
        String invalid = acknowledges ? "(NAK\r" : cmd + "\r"; // the protocol's "invalid command": echo
        if (refused.contains(cmd)) {
            answer(invalid);
        } else if (statusCommands.contains(cmd)) {
            answer(status());
        } else if (cmd.equals("F")) {
            if (ignoreFirstF && !fSeen) {
                fSeen = true;
                return;
            }
            answer(ratings);
        } else if (cmd.equals(vendorQuery)) {
            answer("#KNUT SIM        MEGA-1000  V2.3      \r");
        } else if (cmd.equals("M") && protocolLetter != null) {
            answer(protocolLetter + "\r");
        } else if (cmd.equals("QPI") && protocolQuery != null) {
            answer(protocolQuery + "\r");
        } else if (control(cmd)) {
            if (acknowledges) {
                answer("(ACK\r");
            }
        } else {
            answer(invalid);
        }
    }

    /** Carries out a control command; false for one this unit does not know. */
    private boolean control(String cmd) {
        if (cmd.equals("Q")) {
            beeper = !beeper;
        } else if (cmd.equals("T") || cmd.equals("TL") || cmd.matches("T(\\d\\d|\\.[2-9])")) {
            testing = true;
        } else if (cmd.equals("CT")) {
            testing = false;
        } else if (cmd.equals("C")) {
            shutdownPending = false;
        } else if (cmd.matches("S(\\.[2-9]|0[1-9]|10|00)(R\\d{4})?")) {
            shutdownPending = true;
        } else {
            return false;
        }
        return true;
    }

    private String status() {
        Power p = power;
        double in = switch (p) {
            case ONLINE -> 230.4;
            case BOOST -> 190.2;
            case TRIM -> 262.8;
            case ON_BATTERY, LOW_BATTERY -> 0.0;
        };
        double out = switch (p) {
            case ONLINE -> 229.8;
            case BOOST -> 218.0;
            case TRIM -> 226.1;
            case ON_BATTERY -> 228.0;
            case LOW_BATTERY -> 221.5;
        };
        double battery = switch (p) {
            case ONLINE, BOOST, TRIM -> 27.3;
            case ON_BATTERY -> 24.1;
            case LOW_BATTERY -> 21.4;
        };
        String bits = (p == Power.ON_BATTERY || p == Power.LOW_BATTERY ? "1" : "0") + (p == Power.LOW_BATTERY ? "1" : "0")
                + (p == Power.BOOST || p == Power.TRIM ? "1" : "0") + (failed ? "1" : "0") + "1" + (testing ? "1" : "0") + (shutdownPending ? "1" : "0")
                + (beeper ? "1" : "0");
        String volts = perCellVoltage ? String.format(Locale.ROOT, "%.2f", battery / 12) : String.format(Locale.ROOT, "%.1f", battery);
        return String.format(Locale.ROOT, "(%05.1f 195.0 %05.1f %03d 50.1 %s 30.5 %s\r", in, out, p == Power.LOW_BATTERY ? 41 : 23,
                volts, bits);
    }
}
