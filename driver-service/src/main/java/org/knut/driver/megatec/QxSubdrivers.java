package org.knut.driver.megatec;

import static org.knut.driver.megatec.QxItem.Flag.QUICK_POLL;
import static org.knut.driver.megatec.QxItem.Flag.STATIC;
import static org.knut.driver.megatec.QxItem.Flag.TRIM;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.knut.driver.megatec.QxCommand.Param;
import org.knut.driver.megatec.QxItem.Flag;
import org.knut.driver.megatec.QxItem.Process;
import org.knut.driver.megatec.QxSubdriver.Claim;
import org.knut.driver.megatec.QxSubdriver.Delay;
import org.knut.driver.megatec.QxSubdriver.Reply;

/**
 * The nutdrv_qx subdrivers knut carries, in the order NUT 2.8.0 tries them when {@code protocol} is
 * not given. All but Voltronic are Megatec-shaped: the same 47-character status line under different
 * queries, the {@code F} ratings and an optional vendor line. Of Voltronic, the core is carried: its
 * claim (QGS and QPI), the QGS general status and the commands every protocol has; its other queries
 * (QRI, QMD, QMOD, QWS, QFLAG, QBV, ...) and the capability settings are not. The BestUPS,
 * Masterguard and Ablerex subdrivers are not carried; see {@link #NOT_CARRIED}.
 */
final class QxSubdrivers {
    /** Subdrivers NUT 2.8.0's nutdrv_qx has that knut does not (lower case). */
    static final Set<String> NOT_CARRIED = Set.of("bestups", "masterguard", "ablerex");
    /** What Mecer publishes as {@code ups.firmware.aux} for a unit that answers QPI with PI98. */
    static final String P98 = "Voltronic Power P98";
    private static final Reply BLAZER_REPLY = new Reply(0, (char) 0, 0, 0, "ACK");
    /** {@code (ACK} for done, as Voltronic and Mecer units answer (and {@code (NAK} for refused). */
    private static final Reply ACK_REPLY = new Reply(5, '(', 1, 3, "ACK");

    private static final Delay BLAZER_ON = new Delay(0, 599940, 180);
    private static final Delay VOLTRONIC_QS_ON = new Delay(60, 599940, 180);
    private static final Delay VOLTRONIC_QS_OFF = new Delay(12, 540, 30);
    private static final Delay BLAZER_OFF = new Delay(12, 600, 30);
    private static final List<QxCommand> BLAZER_COMMANDS = List.of(QxCommand.plain("beeper.toggle", "Q"),
            QxCommand.plain("load.off", "S00R0000"), QxCommand.plain("load.on", "C"),
            new QxCommand("shutdown.return", "S%s", Param.SHUTDOWN_RETURN), new QxCommand("shutdown.stayoff", "S%sR0000", Param.SHUTDOWN_STAYOFF),
            QxCommand.plain("shutdown.stop", "C"), new QxCommand("test.battery.start", "T%02d", Param.TEST_MINUTES),
            QxCommand.plain("test.battery.start.deep", "TL"), QxCommand.plain("test.battery.start.quick", "T"),
            QxCommand.plain("test.battery.stop", "CT"));

    private static final Set<String> VOLTRONIC_QS_COMMANDS = Set.of("beeper.toggle", "load.off", "load.on", "shutdown.return",
            "shutdown.stayoff", "shutdown.stop", "test.battery.start.quick");

    static final List<QxSubdriver> ALL = List.of(
            new QxSubdriver("Voltronic 0.06", Claim.STATUS_AND_PROTOCOL, voltronicItems(), voltronicCommands(),
                    ACK_REPLY, "(NAK\r", new Delay(0, 599940, 180), new Delay(12, 5940, 30), false),
            new QxSubdriver("Voltronic-QS 0.07", Claim.PROTOCOL_AND_STATUS,
                    concat(List.of(new QxItem("ups.firmware.aux", "M", 2, (char) 0, 0, 0, "PM-%s", EnumSet.of(STATIC),
                            Process.VOLTRONIC_QS_PROTOCOL)), status("QS", "output.frequency", false), ratings("output")),
                    BLAZER_COMMANDS.stream().filter(c -> VOLTRONIC_QS_COMMANDS.contains(c.name())).toList(),
                    new Reply(0, (char) 0, 1, 3, null), null, VOLTRONIC_QS_ON, VOLTRONIC_QS_OFF, false),
            new QxSubdriver("Voltronic-QS-Hex 0.10", Claim.PROTOCOL_AND_STATUS, qsHexItems(), qsHexCommands(),
                    new Reply(0, (char) 0, 0, 0, null), "N\r", VOLTRONIC_QS_ON, VOLTRONIC_QS_OFF, false),
            blazer("Mustek 0.07", Claim.STATUS, "QS", "I"),
            blazer("Megatec/old 0.07", Claim.STATUS, "D", "I"),
            new QxSubdriver("Mecer 0.07", Claim.STATUS_AND_P98_OR_REFUSAL,
                    concat(List.of(new QxItem("ups.firmware.aux", "QPI", 6, '(', 1, 4, "%s", EnumSet.of(STATIC), Process.VOLTRONIC_P98_PROTOCOL)),
                            status("Q1", "input.frequency", false), ratings("input"), vendor("I")),
                    BLAZER_COMMANDS.stream().map(c -> c.name().equals("test.battery.start")
                            ? new QxCommand(c.name(), "T%s", Param.TEST_SHORT_ON_P98) : c).toList(),
                    ACK_REPLY, "(NAK\r", BLAZER_ON, BLAZER_OFF, true),
            blazer("Megatec 0.06", Claim.STATUS_AND_VENDOR, "Q1", "I"),
            blazer("Zinto 0.06", Claim.STATUS_AND_VENDOR, "Q1", "FW?"),
            new QxSubdriver("Hunnox 0.01", Claim.STATUS_AND_VENDOR, concat(status("Q1", "input.frequency", true), ratings("input"),
                    vendor("FW?")), BLAZER_COMMANDS, new Reply(0, (char) 0, 0, 0, "UPS No Ack"), null, new Delay(0, 599940, 0), new Delay(12, 600, 60), true),
            new QxSubdriver("Q1 0.07", Claim.STATUS, status("Q1", "input.frequency", false), BLAZER_COMMANDS, BLAZER_REPLY, null, BLAZER_ON,
                    BLAZER_OFF, false));

    private QxSubdrivers() {
    }

    /** Whether {@code ups.firmware.aux} says a QS-Hex unit of the T protocol (ratings bits, quick test): PM-T... */
    static boolean qsHexT(String firmwareAux) {
        return firmwareAux != null && firmwareAux.length() > 3 && firmwareAux.regionMatches(true, 0, "PM-T", 0, 4);
    }

    /** The subdriver {@code protocol =} names, or a clear error for a name knut or NUT does not know. */
    static QxSubdriver byProtocol(String protocol) {
        for (QxSubdriver s : ALL) {
            if (s.protocol().equalsIgnoreCase(protocol)) {
                return s;
            }
        }
        List<String> names = ALL.stream().map(s -> s.protocol().toLowerCase(Locale.ROOT)).toList();
        if (NOT_CARRIED.contains(protocol.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("protocol '" + protocol + "' of NUT's nutdrv_qx is not implemented in knut (available: "
                    + String.join(", ", names) + ")");
        }
        throw new IllegalArgumentException("unknown protocol '" + protocol + "' (" + String.join(", ", names) + ")");
    }

    /** A Megatec-table subdriver (megatec, mustek, megatec/old, zinto): status, ratings and vendor queries. */
    private static QxSubdriver blazer(String version, Claim claim, String statusQuery, String vendorQuery) {
        List<QxItem> items = concat(status(statusQuery, "input.frequency", false), ratings("input"), vendor(vendorQuery));
        return new QxSubdriver(version, claim, items, BLAZER_COMMANDS, BLAZER_REPLY, null, BLAZER_ON, BLAZER_OFF, true);
    }

    /**
     * {@code QPI} → {@code (PI01}, then {@code QGS} →
     * {@code (234.9 50.0 229.8 50.0 000.0 000 369.1 ---.- 026.5 ---.- 018.8 100000000001}: voltages,
     * frequencies, current, load, battery voltage, temperature, then the type and status bits.
     */
    private static List<QxItem> voltronicItems() {
        List<QxItem> items = new ArrayList<>(List.of(
                new QxItem("ups.firmware.aux", "QPI", 6, '(', 1, 4, "%s", EnumSet.of(STATIC), Process.VOLTRONIC_PROTOCOL),
                qgs("input.voltage", 1, 5, "%.1f"), qgs("input.frequency", 7, 10, "%.1f"), qgs("output.voltage", 12, 16, "%.1f"),
                qgs("output.frequency", 18, 21, "%.1f"), qgs("output.current", 23, 27, "%.1f"), qgs("ups.load", 29, 31, "%.0f"),
                qgs("battery.voltage", 45, 49, "%.2f"), qgs("ups.temperature", 57, 61, "%.1f"),
                new QxItem("ups.type", "QGS", 76, '(', 63, 64, "%s", EnumSet.of(Flag.SEMI_STATIC), Process.VOLTRONIC_STATUS)));
        String[] vars = {"ups.status", "ups.status", "ups.status", "ups.alarm", "ups.alarm", "ups.status", "ups.status", "ups.beeper.status"};
        int[] columns = {65, 66, 67, 67, 68, 70, 71, 72};
        for (int i = 0; i < vars.length; i++) {
            Set<Flag> flags = vars[i].equals("ups.status") ? EnumSet.of(QUICK_POLL) : EnumSet.noneOf(Flag.class);
            items.add(new QxItem(vars[i], "QGS", 76, '(', columns[i], columns[i], "%s", flags, Process.VOLTRONIC_STATUS));
        }
        return List.copyOf(items);
    }

    private static QxItem qgs(String var, int from, int to, String format) {
        return new QxItem(var, "QGS", 76, '(', from, to, format, EnumSet.noneOf(Flag.class), Process.PLAIN);
    }

    private static List<QxCommand> voltronicCommands() {
        return List.of(QxCommand.plain("load.off", "SOFF"), QxCommand.plain("load.on", "SON"),
                new QxCommand("shutdown.return", "S%s", Param.SHUTDOWN_RETURN), new QxCommand("shutdown.stayoff", "S%sR0000", Param.SHUTDOWN_STAYOFF),
                QxCommand.plain("shutdown.stop", "CS"), new QxCommand("test.battery.start", "T%s", Param.TEST_SHORT_OR_MINUTES),
                QxCommand.plain("test.battery.start.deep", "TL"), QxCommand.plain("test.battery.start.quick", "T"),
                QxCommand.plain("test.battery.stop", "CT"), new QxCommand("beeper.toggle", "BZ%s", Param.BEEPER_TOGGLE));
    }

    /**
     * {@code M} → {@code P} or {@code T}, then the binary {@code QS} answer as {@link QsHex} rewrites it:
     * {@code #6c01 35 6c01 35 03 519a 1312d0 e6 1e 00001001[ 00100011]}: input and output voltage, load,
     * output frequency, battery voltage, the status bits and (T) the ratings bits.
     */
    private static List<QxItem> qsHexItems() {
        List<QxItem> items = new ArrayList<>(List.of(
                new QxItem("ups.firmware.aux", "M", 2, (char) 0, 0, 0, "PM-%s", EnumSet.of(STATIC), Process.VOLTRONIC_QS_HEX_PROTOCOL),
                qsHex("input.voltage", 1, 7, Process.HEX_VOLTAGE), qsHex("output.voltage", 9, 15, Process.HEX_VOLTAGE),
                qsHex("ups.load", 17, 18, Process.HEX_LOAD), qsHex("output.frequency", 20, 30, Process.HEX_FREQUENCY),
                qsHex("battery.voltage", 32, 36, Process.HEX_BATTERY_VOLTAGE)));
        items.addAll(statusBits("QS", '#', Process.HEX_STATUS_BIT));
        for (String[] rating : new String[][] {{"output.frequency.nominal", "47", "47"}, {"battery.voltage.nominal", "48", "49"},
                {"output.voltage.nominal", "52", "54"}}) {
            items.add(new QxItem(rating[0], "QS", 56, '#', Integer.parseInt(rating[1]), Integer.parseInt(rating[2]), "%.1f",
                    EnumSet.noneOf(Flag.class), Process.HEX_RATING));
        }
        return List.copyOf(items);
    }

    private static QxItem qsHex(String var, int from, int to, Process process) {
        return new QxItem(var, "QS", 47, '#', from, to, "%s", EnumSet.noneOf(Flag.class), process);
    }

    /** blazer's commands but the tests, and the quick test on T units only; a refusal is {@code N}. */
    private static List<QxCommand> qsHexCommands() {
        List<QxCommand> commands = new ArrayList<>(BLAZER_COMMANDS.stream().filter(c -> VOLTRONIC_QS_COMMANDS.contains(c.name())
                && !c.name().startsWith("test.")).toList());
        commands.add(new QxCommand("test.battery.start.quick", "T", Param.NONE_ON_QS_HEX_T));
        return List.copyOf(commands);
    }

    /** {@code (226.0 195.0 226.0 014 49.0 27.5 30.0 00001000}: seven numbers and the eight status bits. */
    private static List<QxItem> status(String query, String frequencyVar, boolean quickValues) {
        Set<Flag> values = quickValues ? EnumSet.of(QUICK_POLL) : EnumSet.noneOf(Flag.class);
        List<QxItem> items = new ArrayList<>(List.of(statusValue("input.voltage", query, 1, 5, "%.1f", values),
                statusValue("input.voltage.fault", query, 7, 11, "%.1f", values), statusValue("output.voltage", query, 13, 17, "%.1f", values),
                statusValue("ups.load", query, 19, 21, "%.0f", values), statusValue(frequencyVar, query, 23, 26, "%.1f", values),
                statusValue("battery.voltage", query, 28, 31, "%.2f", values), statusValue("ups.temperature", query, 33, 36, "%.1f", values)));
        items.addAll(statusBits(query, '(', Process.STATUS_BIT));
        return items;
    }

    /** The eight status bits in columns 38..45 of a 47-character status answer. */
    private static List<QxItem> statusBits(String query, char leading, Process process) {
        String[] bitVars = {"ups.status", "ups.status", "ups.status", "ups.alarm", "ups.type", "ups.status", "ups.status", "ups.beeper.status"};
        List<QxItem> bits = new ArrayList<>();
        for (int col = 38; col <= 45; col++) {
            String var = bitVars[col - 38];
            Set<Flag> flags = var.equals("ups.status") ? EnumSet.of(QUICK_POLL)
                    : var.equals("ups.type") ? EnumSet.of(STATIC) : EnumSet.noneOf(Flag.class);
            bits.add(new QxItem(var, query, 47, leading, col, col, "%s", flags, process));
        }
        return bits;
    }

    private static QxItem statusValue(String var, String query, int from, int to, String format, Set<Flag> flags) {
        return new QxItem(var, query, 47, '(', from, to, format, flags, Process.PLAIN);
    }

    /** {@code #220.0 000 024.0 50.0}: nominal voltage, current, battery voltage and frequency. */
    private static List<QxItem> ratings(String side) {
        return List.of(rating(side + ".voltage.nominal", 1, 5, "%.0f"), rating(side + ".current.nominal", 7, 9, "%.1f"),
                rating("battery.voltage.nominal", 11, 15, "%.1f"), rating(side + ".frequency.nominal", 17, 20, "%.0f"));
    }

    private static QxItem rating(String var, int from, int to, String format) {
        return new QxItem(var, "F", 22, '#', from, to, format, EnumSet.of(STATIC), Process.PLAIN);
    }

    /** {@code #<mfr 15> <model 10> <firmware 10>}. */
    private static List<QxItem> vendor(String query) {
        return List.of(vendorField("device.mfr", query, 1, 15), vendorField("device.model", query, 17, 26),
                vendorField("ups.firmware", query, 28, 37));
    }

    private static QxItem vendorField(String var, String query, int from, int to) {
        return new QxItem(var, query, 39, '#', from, to, "%s", EnumSet.of(STATIC, TRIM), Process.PLAIN);
    }

    @SafeVarargs
    private static List<QxItem> concat(List<QxItem>... parts) {
        List<QxItem> all = new ArrayList<>();
        for (List<QxItem> p : parts) {
            all.addAll(p);
        }
        return List.copyOf(all);
    }
}
