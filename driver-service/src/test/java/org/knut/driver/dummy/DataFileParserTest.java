package org.knut.driver.dummy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knut.driver.dummy.DataEntry.Assignment;
import org.knut.driver.dummy.DataEntry.Status;
import org.knut.driver.dummy.DataEntry.Timer;

/** The .dev/.seq reader: upsc dump lines, TIMER, and parseconf's word rules as dummy-ups applies them. */
class DataFileParserTest {
    private final List<String> warnings = new ArrayList<>();

    private List<DataEntry> parse(String text) {
        return DataFileParser.parse(text, (line, msg) -> warnings.add(line + ": " + msg));
    }

    @Test
    void readsUpscDumpLinesStatusAndTimers() {
        List<DataEntry> e = parse("""
                # a comment
                battery.charge: 100
                  # an indented comment

                ups.status: OB LB
                TIMER 30
                device.model: Smart-UPS   1500\t RM
                """);
        assertEquals(List.of(
                new Assignment(2, "battery.charge", "100"),
                new Status(5, List.of("OB", "LB")),
                new Timer(6, 30),
                new Assignment(7, "device.model", "Smart-UPS 1500 RM")), e);
        assertEquals(List.of(), warnings);
    }

    @Test
    void driverVariablesAreTheDriversOwnAndSkipped() {
        assertEquals(List.of(new Assignment(2, "ups.load", "5")), parse("driver.name: usbhid-ups\nups.load: 5\n"));
    }

    @Test
    void hashEndsAWordAndStartsACommentEvenInsideAWord() {
        assertEquals(List.of(new Assignment(1, "ups.id", "abc")), parse("ups.id: abc#def ghi\n"));
        assertEquals(List.of(new Assignment(1, "var.3", "value")), parse("var.3: value\t#BAD: Let's try\n"));
    }

    @Test
    void equalsSignIsAWordOfItsOwn() {
        assertEquals(List.of(new Assignment(1, "ups.id", "a = b =")), parse("ups.id: a=b=\n"));
    }

    @Test
    void quotesGroupWordsOnlyAtTheStartOfAWordAndBackslashEscapes() {
        assertEquals(List.of(
                new Assignment(1, "ups.id", "two  spaces"),
                new Assignment(2, "ups.serial", "ab\"c"),
                new Assignment(3, "ups.mfr", "say \"hi\""),
                new Assignment(4, "ups.model", "a b")), parse("""
                ups.id: "two  spaces"
                ups.serial: ab"c
                ups.mfr: "say \\"hi\\""
                ups.model: a\\
                 b
                """));
    }

    @Test
    void hashInsideQuotesIsAnErrorAndParsingRestartsAfterIt() {
        List<DataEntry> e = parse("ups.id: \"abc # def\nups.load: 7\n");
        // parseconf drops the words before the '#', then reads ' def' to the end of the line as a line of
        // its own (a name without value), then carries on
        assertEquals(List.of(new Assignment(2, "ups.load", "7")), e);
        assertEquals(List.of("1: Unbalanced word due to unescaped # in quotes; line ignored", "1: no value for def; line ignored"),
                warnings);
    }

    @Test
    void unterminatedQuoteRunsIntoTheNextLines() {
        List<DataEntry> e = parse("ups.id: \"abc\nups.load: 7\nups.temperature: 30\n");
        assertEquals(List.of(new Assignment(1, "ups.id", "abcups.load: 7ups.temperature: 30")), e);
        assertTrue(warnings.get(0).contains("dropped a control or non-ASCII character (0xa)"), warnings.toString());
    }

    @Test
    void oddLinesAreSkippedWithTheirLineNumber() {
        List<DataEntry> e = parse("""
                ups.firmware.aux:
                RW:var.3:RANGE:"1" "10"
                CMD:command.1
                :
                ups.load: 12
                """);
        assertEquals(List.of(new Assignment(5, "ups.load", "12")), e);
        assertEquals(List.of(
                "1: no value for ups.firmware.aux; line ignored",
                "2: 'RW:var.3:RANGE:\"1\"' is not a variable name followed by ':'; line ignored",
                "3: 'CMD:command.1' is not a variable name followed by ':'; line ignored",
                "4: no variable name before ':'; line ignored"), warnings);
    }

    @Test
    void colonIsOptionalAfterTheName() {
        assertEquals(List.of(new Assignment(1, "ups.load", "3")), parse("ups.load 3\n"));
    }

    @Test
    void timerIsAPrefixTestAndReadsLikeAtoi() {
        assertEquals(List.of(new Timer(1, 5), new Timer(2, 0), new Timer(3, 2), new Timer(4, -1)),
                parse("TIMER 5\nTIMER abc\nTIMERS 2s\nTIMER -1\n"));
        assertEquals(List.of(new Timer(1, 0)), parse("TIMER\n"));
        assertEquals(List.of("1: TIMER without seconds; taken as TIMER 0"), warnings);
    }

    @Test
    void emptyStatusIsAStatus() {
        assertEquals(List.of(new Status(1, List.of())), parse("ups.status:\n"));
    }

    @Test
    void nonAsciiAndControlCharactersAreDropped() {
        assertEquals(List.of(new Assignment(1, "ups.mfr", "Zrich")), parse("ups.mfr: Z\u00fcrich\n"));
        assertEquals(List.of("1: dropped a control or non-ASCII character (0xfc)"), warnings);
    }

    @Test
    void valuesAreCutTo127CharactersAndWordsTo512() {
        String longValue = "x".repeat(200);
        List<DataEntry> e = parse("ups.id: " + longValue + "\n");
        assertEquals(List.of(new Assignment(1, "ups.id", "x".repeat(127))), e);
        String longWord = "y".repeat(600);
        List<DataEntry> e2 = parse(longWord + ": 1\n");
        // the word stops at 512 characters, so its ':' is cut off too
        assertEquals("y".repeat(512), ((Assignment) e2.get(0)).name());
        assertTrue(warnings.contains("1: a word longer than 512 characters was cut"), warnings.toString());
    }

    @Test
    void atMost32WordsPerLine() {
        StringBuilder sb = new StringBuilder("ups.id:");
        for (int i = 0; i < 40; i++) {
            sb.append(' ').append(i);
        }
        Assignment a = (Assignment) parse(sb + "\n").get(0);
        assertEquals(31, a.value().split(" ").length);
        assertTrue(warnings.contains("1: words after the 32th were dropped"), warnings.toString());
    }

    @Test
    void lastLineWithoutNewlineCounts() {
        assertEquals(List.of(new Assignment(1, "ups.load", "1"), new Assignment(2, "ups.temperature", "2")),
                parse("ups.load: 1\nups.temperature: 2"));
    }

    @Test
    void crlfLineEndsAreWhitespace() {
        assertEquals(List.of(new Assignment(1, "ups.load", "1"), new Status(2, List.of("OL"))),
                parse("ups.load: 1\r\nups.status: OL\r\n"));
    }
}
