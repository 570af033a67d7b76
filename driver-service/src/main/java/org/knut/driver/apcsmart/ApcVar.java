package org.knut.driver.apcsmart;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import org.knut.core.model.VarFlag;
import org.knut.driver.spi.DriverState;

/**
 * One line of apcsmart's variable table: the NUT name, the APC command character that reads it, how
 * its answer converts, and what discovery found out about it on this UPS (present, writable as an
 * enumeration or a string). A packed variable ({@code ambient.0.*}) carries up to four comma-separated
 * values, published as {@code ambient.1.*} to {@code ambient.4.*}.
 */
final class ApcVar {
    /** Packed variables hold at most this many fields. */
    static final int PACK_MAX = 4;
    /** The length of the two writable strings. */
    static final int STRING_LENGTH = 8;

    final String name;
    final char cmd;
    final ApcFormat format;
    final boolean poll;
    final boolean string;
    /** Several table lines share the name or the command; discovery keeps the first that answers. */
    final boolean multi;
    final boolean packed;
    /** What a raw answer must look like to count (multi entries tell each other apart by it), or null. */
    final Pattern accept;
    boolean present;
    boolean writable;
    boolean enumerated;
    int packCount;

    private ApcVar(String name, char cmd, ApcFormat format, boolean poll, boolean string, boolean multi, boolean packed, String accept) {
        this.name = name;
        this.cmd = cmd;
        this.format = format;
        this.poll = poll;
        this.string = string;
        this.multi = multi;
        this.packed = packed;
        this.accept = accept == null ? null : Pattern.compile(accept);
    }

    boolean accepts(String raw) {
        return accept == null || accept.matcher(raw).find();
    }

    /** Names published for a packed value's fields: {@code ambient.0.x} becomes {@code ambient.<n>.x}. */
    String packedName(int index) {
        return name.replace(".0.", "." + (index + 1) + ".");
    }

    /** Publishes an answer (apc_dstate_setinfo): converted, split into fields when packed. */
    void publish(DriverState state, String raw) {
        if (!packed) {
            state.setInfo(name, format.convert(raw));
            return;
        }
        String[] fields = raw.split(",", -1);
        int count = Math.min(fields.length, PACK_MAX);
        if (packCount > count) {
            remove(state, count);
        }
        packCount = count;
        for (int i = 0; i < count; i++) {
            state.setInfo(packedName(i), fields[i].isEmpty() ? "N/A" : format.convert(fields[i]));
        }
    }

    /** Removes the published value (the fields from {@code from} on, when packed). */
    void remove(DriverState state, int from) {
        if (!packed) {
            state.delInfo(name);
            return;
        }
        for (int i = from; i < packCount; i++) {
            state.delInfo(packedName(i));
        }
        packCount = from;
    }

    /** An 8-character string the UPS stores (ups.id, battery.date): writable as such. */
    void setUpString(DriverState state) {
        if (string) {
            state.setFlags(name, EnumSet.of(VarFlag.RW, VarFlag.STRING));
            state.setAux(name, STRING_LENGTH);
            writable = true;
        }
    }

    private static ApcVar v(String name, char cmd, ApcFormat f) {
        return new ApcVar(name, cmd, f, false, false, false, false, null);
    }

    private static ApcVar poll(String name, char cmd, ApcFormat f) {
        return new ApcVar(name, cmd, f, true, false, false, false, null);
    }

    /** A fresh copy of NUT 2.8.0's table (apcsmart_tabs.c), in its order, which is also the order of preference. */
    static List<ApcVar> table() {
        List<ApcVar> t = new ArrayList<>();
        t.add(poll("ups.temperature", 'C', ApcFormat.CELSIUS));
        t.add(poll("ups.load", 'P', ApcFormat.PERCENT));
        t.add(v("ups.test.interval", 'E', ApcFormat.HOURS));
        t.add(poll("ups.test.result", 'X', ApcFormat.LEAVE));
        t.add(v("ups.delay.start", 'r', ApcFormat.SECONDS));
        t.add(v("ups.delay.shutdown", 'p', ApcFormat.SECONDS));
        t.add(new ApcVar("ups.id", 'c', ApcFormat.LEAVE, false, true, false, false, null));
        t.add(poll("ups.contacts", 'i', ApcFormat.HEX));
        t.add(v("ups.display.language", '\014', ApcFormat.LEAVE));
        t.add(poll("input.voltage", 'L', ApcFormat.VOLT));
        t.add(poll("input.frequency", 'F', ApcFormat.DEC));
        t.add(v("input.sensitivity", 's', ApcFormat.LEAVE));
        t.add(poll("input.quality", '9', ApcFormat.HEX));
        t.add(v("input.transfer.low", 'l', ApcFormat.VOLT));
        t.add(v("input.transfer.high", 'u', ApcFormat.VOLT));
        t.add(poll("input.transfer.reason", 'G', ApcFormat.REASON));
        t.add(poll("input.voltage.maximum", 'M', ApcFormat.VOLT));
        t.add(poll("input.voltage.minimum", 'N', ApcFormat.VOLT));
        t.add(poll("output.current", '/', ApcFormat.AMP));
        t.add(poll("output.voltage", 'O', ApcFormat.VOLT));
        t.add(v("output.voltage.nominal", 'o', ApcFormat.VOLT));
        t.add(poll("ambient.humidity", 'h', ApcFormat.PERCENT));
        t.add(new ApcVar("ambient.0.humidity", 'H', ApcFormat.PERCENT, true, false, false, true, null));
        t.add(new ApcVar("ambient.0.humidity.high", '{', ApcFormat.PERCENT, true, false, false, true, null));
        t.add(new ApcVar("ambient.0.humidity.low", '}', ApcFormat.PERCENT, true, false, false, true, null));
        t.add(poll("ambient.temperature", 't', ApcFormat.CELSIUS));
        t.add(new ApcVar("ambient.0.temperature", 'T', ApcFormat.CELSIUS, true, false, true, true, "^[0-9]{2}\\.[0-9]{2}$"));
        t.add(new ApcVar("ambient.0.temperature.high", '[', ApcFormat.CELSIUS, true, false, false, true, null));
        t.add(new ApcVar("ambient.0.temperature.low", ']', ApcFormat.CELSIUS, true, false, false, true, null));
        t.add(new ApcVar("battery.date", 'x', ApcFormat.LEAVE, false, true, false, false, null));
        t.add(poll("battery.charge", 'f', ApcFormat.PERCENT));
        t.add(v("battery.charge.restart", 'e', ApcFormat.PERCENT));
        t.add(poll("battery.voltage", 'B', ApcFormat.VOLT));
        t.add(v("battery.voltage.nominal", 'g', ApcFormat.LEAVE));
        t.add(poll("battery.runtime", 'j', ApcFormat.MINUTES));
        t.add(v("battery.runtime.low", 'q', ApcFormat.MINUTES));
        t.add(v("battery.packs", '>', ApcFormat.DEC));
        t.add(v("battery.packs.bad", '<', ApcFormat.DEC));
        t.add(v("battery.alarm.threshold", 'k', ApcFormat.LEAVE));
        t.add(new ApcVar("device.uptime", 'T', ApcFormat.HOURS, true, false, true, false, "^[0-9]{3}\\.[0-9]{1}$"));
        t.add(v("ups.serial", 'n', ApcFormat.LEAVE));
        t.add(v("ups.mfr.date", 'm', ApcFormat.LEAVE));
        t.add(v("ups.model", '\001', ApcFormat.LEAVE));
        t.add(v("ups.firmware.aux", 'v', ApcFormat.LEAVE));
        t.add(new ApcVar("ups.firmware", 'b', ApcFormat.LEAVE, false, false, true, false,
                "^[\\p{Alnum}]+\\.[\\p{Alnum}]+\\.[\\p{Alnum}]+$"));
        t.add(new ApcVar("ups.firmware", 'V', ApcFormat.LEAVE, false, false, true, false, null));
        return t;
    }
}
