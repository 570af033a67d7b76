package org.knut.driver.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
