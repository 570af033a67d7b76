package org.knut.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C's number reading and printing, where Java's own differs. */
class CNumbersTest {
    @Test
    void printfRoundsTheExactBinaryValueHalfToEven() {
        assertEquals("2.67", CNumbers.fixed(2.675, 2), "2.675 is 2.67499999... in binary; String.format says 2.68");
        assertEquals("0.12", CNumbers.fixed(0.125, 2), "an exact tie goes to even");
        assertEquals("12", CNumbers.fixed(11.538, 0));
        assertEquals("230.4", CNumbers.fixed(230.4, 1));
        assertEquals("-0", CNumbers.fixed(-0.2, 0));
        assertEquals("4.0", CNumbers.fixed(4, 1));
    }

    @Test
    void strtodAndStrtolReadTheLeadingNumber() {
        assertEquals(1.2, CNumbers.strtod("1.2.3"));
        assertEquals(0.5, CNumbers.strtod(".5"));
        assertEquals(5.0, CNumbers.strtod("5."));
        assertEquals(0.0, CNumbers.strtod("."));
        assertEquals(-3e2, CNumbers.strtod(" -3e2x"));
        assertEquals(7.0, CNumbers.strtod("7e"));
        assertEquals(45, CNumbers.strtol("0045:"));
        assertEquals(0, CNumbers.strtol("ON "));
        assertEquals(-12, CNumbers.strtol(" -12.9"));
    }

    @ParameterizedTest
    @CsvSource({"42, 42", "'  7', 7", "-3, -3", "+5, 5", "12.7, 12", "abc, 0", "'', 0", "9x9, 9", "99999999999, 2147483647",
            "-99999999999, -2147483648"})
    void atoiIsCs(String in, int expected) {
        assertEquals(expected, CNumbers.atoi(in));
    }

    @Test
    void uintIsNutsStrToUint() {
        assertEquals(10, CNumbers.parseUint("10"));
        assertEquals(5, CNumbers.parseUint(" 5 "));
        assertEquals(4294967295L, CNumbers.parseUint("4294967295"));
        assertEquals(1, CNumbers.parseUint("00000000001"));
        assertEquals("Numerical result out of range", assertThrows(NumberFormatException.class, () -> CNumbers.parseUint("4294967296")).getMessage());
        for (String bad : new String[] {"", "abc", "-1", "+1", "1.5", "1 2"}) {
            assertEquals("Invalid argument", assertThrows(NumberFormatException.class, () -> CNumbers.parseUint(bad)).getMessage(), bad);
        }
    }
}
