package org.knut.driver.genericups;

import static org.knut.driver.genericups.Signals.CTS;
import static org.knut.driver.genericups.Signals.DCD;
import static org.knut.driver.genericups.Signals.DSR;
import static org.knut.driver.genericups.Signals.DTR;
import static org.knut.driver.genericups.Signals.RNG;
import static org.knut.driver.genericups.Signals.RTS;
import static org.knut.driver.genericups.Signals.ST;

/**
 * genericups' {@code CP}/{@code SD} (outputs) and {@code OL}/{@code LB}/{@code RB}/{@code BYPASS}
 * (inputs) overrides. As in NUT, names are found anywhere in the value ({@code "DTR+RTS"},
 * {@code "-CTS"}); a leading {@code -} on an input means "not asserted"; {@code none} or {@code NULL}
 * disables; naming a line of the wrong direction is an error.
 */
final class SignalOverrides {
    private SignalOverrides() {
    }

    static int outputs(String key, String value) {
        for (String input : new String[] {"CTS", "DCD", "RNG", "DSR"}) {
            if (value.contains(input)) {
                throw new IllegalArgumentException(key + ": Can't override output with " + input + " (not an output)");
            }
        }
        if (value.contains("NULL") || value.contains("none")) {
            return 0;
        }
        int lines = 0;
        if (value.contains("DTR") && !value.contains("-DTR")) {
            lines |= DTR;
        }
        if (value.contains("RTS") && !value.contains("-RTS")) {
            lines |= RTS;
        }
        if (value.contains("ST")) {
            lines |= ST;
        }
        return lines;
    }

    static InputRule input(String key, String value) {
        for (String output : new String[] {"DTR", "RTS", "ST"}) {
            if (value.contains(output)) {
                throw new IllegalArgumentException(key + ": Can't override input with " + output + " (not an input)");
            }
        }
        if (value.contains("NULL") || value.contains("none")) {
            return InputRule.NONE;
        }
        int lines = 0;
        int asserted = 0;
        String[] names = {"CTS", "DCD", "RNG", "DSR"};
        int[] bits = {CTS, DCD, RNG, DSR};
        for (int i = 0; i < names.length; i++) {
            if (value.contains(names[i])) {
                lines |= bits[i];
                if (!value.contains("-" + names[i])) {
                    asserted |= bits[i];
                }
            }
        }
        return new InputRule(lines, asserted);
    }
}
