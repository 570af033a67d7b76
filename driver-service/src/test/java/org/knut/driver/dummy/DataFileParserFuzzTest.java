package org.knut.driver.dummy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the dummy-ups data file parser ({@code .dev}/{@code .seq}), which must be as lenient as
 * dummy-ups: whatever the text, it returns entries and warnings naming existing lines, never throws;
 * values keep dummy-ups' length limit and no variable is a driver.* one.
 */
class DataFileParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void dataFile(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        long lines = text.lines().count();
        for (DataEntry e : DataFileParser.parse(text, (line, message) -> assertLine(line, lines, message))) {
            assertLine(e.line(), lines, e.toString());
            if (e instanceof DataEntry.Assignment a) {
                assertTrue(a.value().length() <= DataFileParser.MAX_VALUE, a.toString());
                assertFalse(a.name().isEmpty() || a.name().startsWith("driver."), a.toString());
            }
        }
    }

    private static void assertLine(int line, long lines, String what) {
        assertTrue(line >= 1 && line <= Math.max(1, lines), "line " + line + " of " + lines + ": " + what);
    }
}
