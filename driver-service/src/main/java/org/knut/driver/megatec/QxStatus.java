package org.knut.driver.megatec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.knut.driver.spi.DriverState;
import org.knut.core.text.CNumbers;

/**
 * nutdrv_qx's status register: the flags the status rows set or clear ({@code "LB"}, {@code "!LB"}),
 * published in NUT's order, and the alarms a full poll collects.
 */
final class QxStatus {
    /** The flags in the order nutdrv_qx writes them (ups_status_set); OL stands for OL or OB. */
    enum Flag {
        OL, DISCHRG, CHRG, LB, OVER, RB, TRIM, BOOST, BYPASS, OFF, CAL, FSD
    }

    private final EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    private final List<String> alarms = new ArrayList<>();

    /** A full poll starts from nothing. */
    void clear() {
        flags.clear();
        alarms.clear();
    }

    boolean online() {
        return flags.contains(Flag.OL);
    }

    /** update_status: {@code X} sets a flag, {@code !X} clears it. */
    void update(String token) {
        boolean clear = token.startsWith("!");
        Flag f = Flag.valueOf((clear ? token.substring(1) : token).toUpperCase(Locale.ROOT));
        if (clear) {
            flags.remove(f);
        } else {
            flags.add(f);
        }
    }

    void alarm(String text) {
        alarms.add(text);
    }

    /**
     * The status-bit row at {@code column} with its character: the token, alarm or value it gives, or
     * "" when it gives nothing (blazer_process_status_bits).
     */
    static String bit(int column, char c, DriverState state) throws BadReply {
        if (c != '0' && c != '1') {
            throw new BadReply("unexpected status bit " + c + "@" + column);
        }
        boolean on = c == '1';
        return switch (column) {
            case 38 -> on ? "!OL" : "OL";
            case 39 -> on ? "LB" : "!LB";
            case 40 -> on ? voltageMode(state) : "";
            case 41 -> on ? "UPS selftest failed!" : "";
            case 42 -> on ? "offline / line interactive" : "online";
            case 43 -> on ? "CAL" : "!CAL";
            case 44 -> on ? "FSD" : "!FSD";
            case 45 -> on ? "enabled" : "disabled";
            default -> throw new BadReply("no status bit at column " + column);
        };
    }

    /**
     * A field of Voltronic's QGS status bits at {@code column}, for the row of {@code var}: the token,
     * alarm or value it gives, or "" when it gives nothing (voltronic_status, without the beeper
     * capability knut does not read).
     */
    static String voltronicBit(int column, String raw, String var, DriverState state) throws BadReply {
        if (raw.isEmpty() || !raw.chars().allMatch(c -> c == '0' || c == '1')) {
            throw new BadReply("unexpected status value " + raw + "@" + column);
        }
        boolean on = raw.charAt(0) == '1';
        return switch (column) {
            case 63 -> switch (raw) {
                case "00" -> "offline";
                case "01" -> "line-interactive";
                case "10" -> "online";
                default -> throw new BadReply("invalid type [" + raw + "]");
            };
            case 65 -> on ? "!OL" : "OL";
            case 66 -> on ? "LB" : "!LB";
            case 67 -> on ? voltronicVoltageMode(var, state) : "";
            case 68 -> on ? "UPS Fault!" : "";
            case 70 -> on ? "CAL" : "!CAL";
            case 71 -> on ? "FSD" : "!FSD";
            case 72 -> on ? "disabled" : "enabled";
            default -> throw new BadReply("no status bit at column " + column);
        };
    }

    /**
     * Voltronic's bit 2: as Megatec's, except that an output equal to the input is bypass on most
     * protocols and the AVR alarm on P00/P08; TRIM and BOOST go to both its rows, the alarm's too.
     */
    private static String voltronicVoltageMode(String var, DriverState state) throws BadReply {
        String mode = voltageMode(state);
        if (!mode.equals("BYPASS")) {
            return mode;
        }
        long protocol = CNumbers.strtol(String.valueOf(state.value("ups.firmware.aux")).substring(1));
        boolean avr = protocol == 0 || protocol == 8;
        if (var.equals("ups.alarm")) {
            return avr ? "UPS is in AVR Mode." : "";
        }
        return avr ? "" : "BYPASS";
    }

    /** Bit 2 means bypass, boost or buck; the output/input voltage ratio tells which. */
    private static String voltageMode(DriverState state) throws BadReply {
        double vi = CNumbers.strtod(String.valueOf(state.value("input.voltage")));
        double vo = CNumbers.strtod(String.valueOf(state.value("output.voltage")));
        String mode = VoltageMode.of(vi, vo);
        if (mode == null) {
            throw new BadReply(vo < 0.5 * vi ? "output voltage too low" : "output voltage too high");
        }
        return mode;
    }

    /**
     * A clear bit 2 clears the voltage mode at once. nutdrv_qx leaves it set until the next full poll
     * (it only clears the register there), so a quick poll could keep a BOOST the UPS has left.
     */
    void voltageModeOff() {
        flags.removeAll(EnumSet.of(Flag.TRIM, Flag.BOOST, Flag.BYPASS));
    }

    /** ups_alarm_set and alarm_commit: the alarms of the last full poll, FSD's included. */
    void commitAlarms(DriverState state) {
        List<String> all = new ArrayList<>(alarms);
        if (flags.contains(Flag.RB)) {
            all.add("Replace battery!");
        }
        if (flags.contains(Flag.FSD)) {
            all.add("Shutdown imminent!");
        }
        if (all.isEmpty()) {
            state.delInfo("ups.alarm");
        } else {
            state.setInfo("ups.alarm", String.join(" ", all));
        }
    }

    /** ups_status_set and status_commit: ALARM first while an alarm is published. */
    void commit(DriverState state) {
        List<String> tokens = new ArrayList<>();
        if (state.value("ups.alarm") != null) {
            tokens.add("ALARM");
        }
        for (Flag f : flags) {
            tokens.add(f == Flag.OL ? "OL" : f.name());
        }
        if (!flags.contains(Flag.OL)) {
            tokens.add(tokens.isEmpty() || !tokens.get(0).equals("ALARM") ? 0 : 1, "OB");
        }
        state.status(tokens);
    }
}
