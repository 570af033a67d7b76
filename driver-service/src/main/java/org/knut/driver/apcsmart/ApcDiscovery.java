package org.knut.driver.apcsmart;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.knut.core.model.VarFlag;
import org.knut.driver.apcsmart.ApcLink.Read;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;

/**
 * Finds out what an APC Smart UPS can do, as apcsmart's getbaseinfo does: firmware known to lack the
 * command-set query gets its command characters from a table; otherwise the UPS lists its commands
 * ({@code a}: {@code protocol.alerts.commands}); a UPS that answers neither is an old one asked for a
 * fixed few. Every command character is then verified by asking it, variables that several characters
 * can give keep the first that answers in the expected shape, and the capability string ({@code ^Z})
 * makes the variables it enumerates writable with their allowed values.
 */
final class ApcDiscovery {
    private static final Logger LOG = Logger.getLogger(ApcDiscovery.class);
    /** Characters that are not variables or commands we publish (or that are used internally). */
    private static final String UNREPORTED = "\032\177~')-+8QRYayz";
    private static final char COMMAND_SET = 'a';
    private static final char CAPABILITIES = '\032';
    private static final Pattern COMMAND_SET_FORMAT = Pattern.compile("^[0-9]\\.[^.]*\\.[^.]+(\\.[^.]+)?$");
    /** Firmware whose command set query answers something else: its command characters. */
    private static final Map<String, String> COMPAT = new LinkedHashMap<>();

    static {
        String matrix = "@789ABCDEFGKLMNOPQRSTUVWXYZcefgjklmnopqrsuwxz/<>\\^\014\026";
        String matrix5 = "@79ABCDEFGKLMNOPQRSUVWXYZcefgjklmnopqrsuxz/<>";
        String smart = "@79ABCDEFGKLMNOPQRSUVWXYZcefgjklmnopqrsuxz";
        for (String fw : new String[] {"0XI", "0XM"}) {
            COMPAT.put(fw, matrix);
        }
        for (String fw : new String[] {"0ZI", "5UI", "5ZM"}) {
            COMPAT.put(fw, matrix5);
        }
        for (String fw : new String[] {"6QD", "6QI", "6TD", "6TI", "7QD", "7QI", "7TD", "7TI"}) {
            COMPAT.put(fw, smart);
        }
        COMPAT.put("6JI", "@789ABCFGKLMNOPQSTUVWXYZfg");
        for (String fw : new String[] {"7II", "9II", "9GI", "8II"}) {
            COMPAT.put(fw, "@79ABCEFGKLMNOPQRSUVWXYZcfg");
        }
        COMPAT.put("8GI", "@79ABCEFGKLMNOPQRSUVWXYZfg");
        for (String fw : new String[] {"8QD", "8QI", "8TD", "8TI"}) {
            COMPAT.put(fw, smart);
        }
        COMPAT.put("5.4.D", "@\001ABPQRSUYbdfgjmnx9");
        COMPAT.put("set\001", "@789ABCFGKLMNOPQRSUVWXYZ"); // old units answering 'b' with two hex digits
    }

    private final ApcLink link;
    private final List<ApcVar> vars;
    private final Set<ApcCommand> commands;
    private final DriverState state;

    ApcDiscovery(ApcLink link, List<ApcVar> vars, Set<ApcCommand> commands, DriverState state) {
        this.link = link;
        this.vars = vars;
        this.commands = commands;
        this.state = state;
    }

    /** getbaseinfo. */
    void run() throws IOException, DriverException {
        FirmwareMatch fw = firmwareLookup();
        if (fw == FirmwareMatch.TABLE) {
            return;
        }
        link.flush(false);
        String set = link.ask(COMMAND_SET, Read.COMMAND_SET);
        if (set == null || set.equals("NA") || !COMMAND_SET_FORMAT.matcher(set).find()) {
            LOG.info("very old or unknown APC model, support will be limited");
            oldSetup();
            return;
        }
        String cmds = set.split("\\.", -1)[2];
        for (char c : cmds.toCharArray()) {
            verify(c);
        }
        deprecate();
        if (cmds.indexOf(CAPABILITIES) >= 0) {
            capabilities(fw == FirmwareMatch.OVERFLOW_QUIRK);
        }
    }

    private enum FirmwareMatch {
        NONE, TABLE, OVERFLOW_QUIRK
    }

    private FirmwareMatch firmwareLookup() throws IOException, DriverException {
        link.flush(false);
        String fw = link.ask('V', Read.PLAIN);
        if (fw == null || fw.equals("NA")) {
            fw = link.ask('b', Read.PLAIN);
            if (fw == null) {
                return FirmwareMatch.NONE;
            }
        }
        if (fw.equals("451.2.I")) {
            return FirmwareMatch.OVERFLOW_QUIRK;
        }
        if (fw.matches("^[a-fA-F0-9]{2}$")) {
            fw = "set\001";
        }
        String chars = COMPAT.get(fw);
        if (chars == null) {
            return FirmwareMatch.NONE;
        }
        state.setInfo("ups.model", fw.startsWith("0") || fw.startsWith("5") ? "Matrix-UPS" : "Smart-UPS");
        for (char c : chars.toCharArray()) {
            verify(c);
        }
        deprecate();
        return FirmwareMatch.TABLE;
    }

    /** protocol_verify: a variable character is asked; a command character is offered. */
    private void verify(char c) throws IOException {
        if (UNREPORTED.indexOf(c) >= 0) {
            return;
        }
        boolean found = false;
        for (ApcVar v : vars) {
            if (v.cmd == c) {
                verifyVar(v);
                found = true;
            }
        }
        if (found) {
            return;
        }
        for (ApcCommand cmd : ApcCommand.TABLE) {
            if (cmd.cmd() == c) {
                commands.add(cmd);
                state.addCommand(cmd.name());
                found = true;
            }
        }
        if (!found) {
            LOG.debugf("[0x%02x] unrecognized", (int) c);
        }
    }

    private void verifyVar(ApcVar v) throws IOException {
        if (v.multi) {
            v.present = true; // settled by deprecate()
            return;
        }
        String raw = preread(v);
        if (raw == null || !v.accepts(raw)) {
            LOG.debugf("%s [0x%02x] - variable invalid", v.name, (int) v.cmd);
            return;
        }
        v.present = true;
        v.publish(state, raw);
        v.setUpString(state);
    }

    private String preread(ApcVar v) throws IOException {
        link.flush(false);
        String raw = link.ask(v.cmd, Read.PLAIN);
        return raw == null || raw.isEmpty() || raw.equals("NA") ? null : raw;
    }

    /** Of the entries sharing a name or a character, the first that answers as expected wins. */
    private void deprecate() throws IOException {
        for (int i = 0; i < vars.size(); i++) {
            ApcVar v = vars.get(i);
            if (!v.multi || !v.present) {
                continue;
            }
            String raw = preread(v);
            if (raw == null || !v.accepts(raw)) {
                v.present = false;
                continue;
            }
            for (ApcVar later : vars.subList(i + 1, vars.size())) {
                if (later.name.equals(v.name) || later.cmd == v.cmd) {
                    later.present = false;
                }
            }
            v.publish(state, raw);
            v.setUpString(state);
        }
    }

    /**
     * The capability string: {@code #} then entries of command character, locale, number of values,
     * value length, values ({@code ##} between entries on Matrix units). Entries for this unit's locale
     * (the firmware's last character) or all locales ({@code 4}) make the variable an enumeration.
     */
    private void capabilities(boolean overflowExpected) throws IOException, DriverException {
        String fw = state.value("ups.firmware");
        char locale = fw == null || fw.isEmpty() ? 0 : fw.charAt(fw.length() - 1);
        link.flush(false);
        String caps = link.ask(CAPABILITIES, Read.CAPABILITIES);
        if (caps == null || caps.isEmpty() || caps.equals("NA")) {
            LOG.warn("APC cannot do capabilities but said it could !");
            return;
        }
        if (caps.charAt(0) != '#') {
            LOG.warnf("unknown capability start char [%c] !", caps.charAt(0));
            return;
        }
        boolean matrix = caps.length() > 1 && caps.charAt(1) == '#';
        int p = matrix ? 0 : 1;
        while (p < caps.length()) {
            if (matrix) {
                p += 2;
            }
            if (p + 4 > caps.length()) {
                if (overflowExpected) {
                    return;
                }
                throw new DriverException("capability string has overflowed, please report this error !");
            }
            char cmd = caps.charAt(p);
            char loc = caps.charAt(p + 1);
            int count = caps.charAt(p + 2) - '0';
            int length = caps.charAt(p + 3) - '0';
            if (count < 0 || length < 0) {
                throw new DriverException("nument or entlen out of range: capability overflow!");
            }
            p += 4;
            ApcVar v = present(cmd);
            boolean valid = v != null && (loc == locale || loc == '4') && !v.packed;
            if (valid) {
                state.setFlags(v.name, EnumSet.of(VarFlag.RW));
                v.writable = true;
                v.enumerated = true;
            }
            for (int i = 0; i < count; i++) {
                if (valid) {
                    String entry = caps.substring(Math.min(p, caps.length()), Math.min(p + length, caps.length()));
                    state.addEnum(v.name, v.format.convert(entry));
                }
                p += length;
            }
        }
    }

    private ApcVar present(char cmd) {
        for (ApcVar v : vars) {
            if (v.present && v.cmd == cmd) {
                return v;
            }
        }
        return null;
    }

    /** Units without a command set: the basics, which may well time out. */
    private void oldSetup() throws IOException {
        for (String name : new String[] {"ups.temperature", "ups.load", "input.voltage", "output.voltage", "battery.charge",
            "battery.voltage", "ups.model", "ups.serial", "ups.firmware", "output.current"}) {
            for (ApcVar v : vars) {
                if (v.name.equals(name)) {
                    verifyVar(v);
                }
            }
        }
        deprecate();
        if (vars.stream().anyMatch(v -> v.present && v.name.equals("output.current"))) {
            state.setInfo("ups.model", "Matrix-UPS");
        } else if (vars.stream().noneMatch(v -> v.present && v.name.equals("ups.model"))) {
            state.setInfo("ups.model", "Smart-UPS");
        }
    }
}
