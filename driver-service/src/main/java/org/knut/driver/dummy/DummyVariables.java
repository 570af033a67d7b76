package org.knut.driver.dummy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.knut.core.model.VarFlag;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverState;

/**
 * How dummy-ups publishes and changes a variable: every variable it holds is writable. The variables it
 * knows (its table of common NUT names) get their own type, writable numbers or writable strings with
 * a maximum length; any other name is a writable string of up to 32 characters. Setting an empty value
 * removes the variable.
 */
final class DummyVariables {
    /** Type of a known variable: a string of at most {@code length} characters, or a number. */
    private record Known(boolean string, int length) {
    }

    private static final int DEFAULT_STRING_LENGTH = 32;
    private static final Map<String, Known> KNOWN = new HashMap<>();

    static {
        strings(32, "ups.mfr", "ups.model", "ups.status", "ups.serial", "ups.alarm");
        strings(16, "ups.time", "ups.date", "ups.mfr.date", "ups.firmware", "ups.firmware.aux", "ups.id", "ups.test.result");
        strings(6, "input.quality");
        strings(1, "input.transfer.reason", "input.sensitivity");
        numbers("ups.load", "ups.temperature", "ups.delay.start", "ups.delay.reboot", "ups.delay.shutdown",
                "ups.test.interval",
                "input.voltage", "input.voltage.maximum", "input.voltage.minimum", "input.voltage.nominal",
                "input.transfer.low", "input.transfer.high", "input.frequency", "input.transfer.boost.low",
                "input.transfer.boost.high", "input.transfer.trim.low", "input.transfer.trim.high",
                "output.voltage", "output.frequency", "output.current",
                "battery.charge", "battery.charge.low", "battery.voltage", "battery.current", "battery.runtime",
                "battery.runtime.low", "battery.charge.restart", "battery.temperature", "battery.voltage.nominal",
                "ambient.temperature", "ambient.temperature.alarm", "ambient.temperature.high", "ambient.temperature.low",
                "ambient.humidity", "ambient.humidity.alarm", "ambient.humidity.high", "ambient.humidity.low");
    }

    private static void strings(int length, String... names) {
        for (String n : names) {
            KNOWN.put(n, new Known(true, length));
        }
    }

    private static void numbers(String... names) {
        for (String n : names) {
            KNOWN.put(n, new Known(false, 0));
        }
    }

    private DummyVariables() {
    }

    /** The variables dummy-ups publishes before reading its file. */
    static void seed(DriverState state) {
        publish(state, "ups.mfr", "Dummy Manufacturer");
        publish(state, "ups.model", "Dummy UPS");
        publish(state, "ups.status", "OL");
    }

    /** dummy-ups' setvar: {@code ups.status} goes through the status rules, empty deletes, else set and type. */
    static TrackingResult set(DriverState state, String name, String value) {
        if (name.equals("ups.status")) {
            state.status(List.of(value));
        } else if (value.isEmpty()) {
            state.delInfo(name);
        } else {
            publish(state, name, value);
        }
        return TrackingResult.HANDLED;
    }

    private static void publish(DriverState state, String name, String value) {
        state.setInfo(name, value);
        Known k = KNOWN.get(name.toLowerCase(Locale.ROOT));
        boolean string = k == null || k.string();
        Set<VarFlag> flags = string ? EnumSet.of(VarFlag.RW, VarFlag.STRING) : EnumSet.of(VarFlag.RW);
        state.setFlags(name, flags);
        if (string) {
            state.setAux(name, k == null ? DEFAULT_STRING_LENGTH : k.length());
        }
    }
}
