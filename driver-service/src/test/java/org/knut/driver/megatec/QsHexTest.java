package org.knut.driver.megatec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The QS-Hex answer as nutdrv_qx's voltronic-qs-hex subdriver rewrites it, and its values. */
class QsHexTest {
    /** The bytes of NUT's own example answer, with the escaped CR (0x28 0x00) in its frequency. */
    private static final String P_ANSWER = "#\u006C\u0001 \u0035 \u006C\u0001 \u0035 \u0003 \u0051\u009A \u0028\u0002\u0012\u00D0 \u00E6 \u001E \u0009\r";

    @Test
    void rewritesBytesAsHexAndTheStatusAsBits() throws BadReply {
        assertEquals("#6c01 35 6c01 35 03 519a 1312d0 e6 1e 00001001\r", QsHex.refine(P_ANSWER));
    }

    @Test
    void eachEscapeCodeStandsForItsByte() throws BadReply {
        String escapes = "#\u0028\u0000\u0028\u0001 \u0028\u0002 \u0028\u0003\u0028\u0004 \u0035 \u0028 \u0051\u009A \u0013\u0012\u00D0 \u00E6 \u001E \u0009\r";
        assertEquals("#0d11 13 0a20 35 28 519a 1312d0 e6 1e 00001001\r", QsHex.refine(escapes), "0x28 before a space is itself");
    }

    @Test
    void aTUnitsRatingsFieldIsBitsToo() throws BadReply {
        String t = P_ANSWER.replace("\u0009\r", "\u0009 \u0023\r");
        assertEquals("#6c01 35 6c01 35 03 519a 1312d0 e6 1e 00001001 00100011\r", QsHex.refine(t));
    }

    @Test
    void refusesOtherLeadersAndFieldCounts() throws BadReply {
        assertThrows(BadReply.class, () -> QsHex.refine("(230.0 195.0\r"));
        assertThrows(BadReply.class, () -> QsHex.refine(P_ANSWER.replace(" \u0009\r", "\r")), "nine fields");
        assertThrows(BadReply.class, () -> QsHex.refine(P_ANSWER.replace("\u0003", "\u0003\u0003")), "a field too long");
        assertEquals("", QsHex.refine(""), "no answer is left to the length check");
    }

    @Test
    void valuesFromTheFields() throws BadReply {
        assertEquals("112.2", QsHex.voltage("6c01 35", "input.voltage"));
        assertEquals("59.8", QsHex.frequency("519a 1312d0", "output.frequency"));
        assertEquals("99.9", QsHex.frequency("0001 ffffff", "output.frequency"), "capped");
        assertEquals("13.53", QsHex.batteryVoltage("e6 1e", "battery.voltage"));
        assertEquals("41", QsHex.load("29", "ups.load"));
        assertThrows(BadReply.class, () -> QsHex.voltage("6c0g 35", "input.voltage"));
        assertEquals("0.1", QsHex.frequency("f 1 ffff", "output.frequency"), "strtol reads two numbers and leaves the rest");
    }

    @Test
    void ratingsByColumn() throws BadReply {
        assertEquals("60.0", QsHex.rating(47, "1", "output.frequency.nominal"));
        assertEquals("36.0", QsHex.rating(48, "10", "battery.voltage.nominal"));
        assertEquals("240.0", QsHex.rating(52, "100", "output.voltage.nominal"));
        assertThrows(BadReply.class, () -> QsHex.rating(52, "111", "output.voltage.nominal"));
        assertThrows(BadReply.class, () -> QsHex.rating(48, "12", "battery.voltage.nominal"));
    }
}
