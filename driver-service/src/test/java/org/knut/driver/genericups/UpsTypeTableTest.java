package org.knut.driver.genericups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every upstype against NUT 2.8.0's table as its comments describe it (genericups.h), written here a
 * second time in words: cable power, which input state means on line / low battery (replace battery,
 * bypass), the shutdown signal. Each type is decoded for all 16 input combinations.
 */
class UpsTypeTableTest {
    /** type: cable power | online | low battery | replace battery | bypass | shutdown | mfr | model. */
    private static final List<String> SPEC = List.of(
            "DTR+RTS|CTS off|DCD on|-|-|RTS|UPSONIC|LAN Saver 600",
            "DTR|RNG off|DCD on|-|-|RTS|APC|Back-UPS",
            "RTS|CTS off|DCD on|-|-|DTR+RTS|APC|Back-UPS",
            "DTR|CTS off|DCD on|-|-|DTR+RTS|PowerTech|Comp1000",
            "RTS|CTS on|DCD off|-|-|none|Generic|Generic RUPS model",
            "DTR|CTS on|DCD off|-|-|DTR+RTS|TrippLite|Internet Office Series",
            "DTR|CTS on|DCD off|-|-|RTS|Best|Patriot",
            "RTS|CTS on|DCD off|-|-|DTR|CyberPower|Power99",
            "DTR|CTS on|DCD off|-|-|unknown|Nitram|Elite UPS",
            "none|DCD off|CTS on|-|-|RTS|APC|Back-UPS",
            "RTS|CTS on|DCD off|-|-|DTR|Victron|Lite",
            "DTR|CTS off|DCD off|-|-|BREAK|Powerware|3115",
            "RTS|CTS off|DCD on|-|-|DTR|APC|Back-UPS Office",
            "DTR+RTS|DCD on|CTS off|-|-|BREAK|RPT|Repoteck",
            "DTR|DCD on|CTS off|-|-|RTS|Online|P250, P500, P750, P1250",
            "DTR|CTS on|DCD off|-|-|BREAK|Powerware|5119",
            "DTR+RTS|CTS on|DCD off|-|-|unknown|Nitram|Elite UPS",
            "DTR|CTS on|DCD off|-|-|unknown|PowerKinetics|9001",
            "DTR|CTS on|DCD on|-|-|unknown|TrippLite|Omni 450LAN",
            "DTR|CTS on|DCD off|-|-|RTS|Fideltronik|Ares Series",
            "DTR|CTS off|DCD on|-|-|BREAK|Powerware|5119 RM",
            "RTS|CTS on|DCD off|-|-|DTR+RTS|Generic|Generic RUPS 2000",
            "RTS|CTS on|DCD off|-|-|DTR|Gamatronic Electronic Industries|Generic Alarm UPS",
            "RTS|CTS on|DCD off|RNG off|DSR off|none|Generic|Generic FTTx Battery Backup");

    private static final Map<String, Integer> LINES = Map.of("CTS", Signals.CTS, "DCD", Signals.DCD, "RNG", Signals.RNG, "DSR",
            Signals.DSR);

    @Test
    void theTableHasEveryNutType() {
        assertEquals(SPEC.size(), UpsType.TABLE.size());
    }

    @TestFactory
    Stream<DynamicTest> everyTypeDecodesEveryInputCombination() {
        return IntStream.range(0, SPEC.size()).mapToObj(i -> DynamicTest.dynamicTest("upstype " + i, () -> check(i)));
    }

    private static void check(int i) {
        String[] f = SPEC.get(i).split("\\|");
        UpsType t = UpsType.TABLE.get(i);
        assertEquals(outputs(f[0]), t.cablePower(), "cable power");
        assertEquals(f[5].equals("unknown") ? Signals.UNKNOWN : f[5].equals("BREAK") ? Signals.ST : outputs(f[5]), t.shutdown(),
                "shutdown");
        assertEquals(f[6], t.mfr());
        assertEquals(f[7], t.model());
        for (int inputs = 0; inputs < 16; inputs++) {
            int bits = (inputs & 1) * Signals.CTS + (inputs >> 1 & 1) * Signals.DCD + (inputs >> 2 & 1) * Signals.RNG
                    + (inputs >> 3 & 1) * Signals.DSR;
            List<String> expected = new ArrayList<>();
            if (holds(f[2], bits)) {
                expected.add("LB");
            }
            expected.add(holds(f[1], bits) ? "OL" : "OB");
            if (holds(f[3], bits)) {
                expected.add("RB");
            }
            if (holds(f[4], bits)) {
                expected.add("BYPASS");
            }
            assertEquals(expected, t.status(bits), "inputs " + Integer.toBinaryString(bits));
        }
    }

    private static int outputs(String spec) {
        return (spec.contains("DTR") ? Signals.DTR : 0) | (spec.contains("RTS") ? Signals.RTS : 0);
    }

    /** "CTS on": the line is asserted; "DCD off": it is not; "-": never. */
    private static boolean holds(String rule, int bits) {
        if (rule.equals("-")) {
            return false;
        }
        String[] w = rule.split(" ");
        boolean asserted = (bits & LINES.get(w[0])) != 0;
        return w[1].equals("on") == asserted;
    }
}
