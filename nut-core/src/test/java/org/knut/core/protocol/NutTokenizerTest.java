package org.knut.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NutTokenizerTest {

    private static List<String> tok(String line) throws NutSyntaxException {
        return NutTokenizer.tokenize(line);
    }

    @Test
    void splitsOnSpacesTabsAndLineEnds() throws Exception {
        assertEquals(List.of("GET", "VAR", "demo", "ups.status"), tok("GET VAR demo ups.status"));
        assertEquals(List.of("a", "b", "c"), tok("  a\t\tb   c \r\n"));
        assertEquals(List.of(), tok(""));
        assertEquals(List.of(), tok("   \t "));
    }

    @Test
    void quotesGroupWordsWithSpaces() throws Exception {
        assertEquals(List.of("SET", "VAR", "demo", "ups.id", "Development box"), tok("SET VAR demo ups.id \"Development box\""));
        assertEquals(List.of("a b", "c"), tok("\"a b\"c"), "a closing quote ends the word");
        assertEquals(List.of("ab\"c"), tok("ab\"c"), "a quote inside a bare word is literal");
        assertEquals(List.of("x", "  spaced  "), tok("x \"  spaced  \""));
    }

    @Test
    void backslashTakesTheNextCharacterLiterally() throws Exception {
        assertEquals(List.of("say \"hi\""), tok("\"say \\\"hi\\\"\""));
        assertEquals(List.of("back\\slash"), tok("\"back\\\\slash\""));
        assertEquals(List.of("a b"), tok("a\\ b"), "escaped space outside quotes stays in the word");
        assertEquals(List.of("#hash"), tok("\\#hash"));
        assertEquals(List.of("x#y"), tok("\"x\\#y\""), "NUT escapes # inside quotes");
    }

    @Test
    void emptyQuotedTokenIsAnEmptyString() throws Exception {
        assertEquals(List.of("SET", "VAR", "demo", "x", ""), tok("SET VAR demo x \"\""));
        assertEquals(List.of("", ""), tok("\"\" \"\""));
    }

    @Test
    void hashAtWordStartBeginsAComment() throws Exception {
        assertEquals(List.of("a", "b"), tok("a b # comment \"unbalanced"));
        assertEquals(List.of(), tok("# whole line"));
        assertEquals(List.of("x # y"), tok("\"x # y\""), "# inside quotes is data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unterminated", "a \"b c", "\"\\\""})
    void unterminatedQuoteIsASyntaxError(String line) {
        NutSyntaxException e = assertThrows(NutSyntaxException.class, () -> tok(line));
        assertTrue(e.getMessage().contains("unbalanced"), e.getMessage());
    }

    @Test
    void backslashAtEndOfLineIsASyntaxError() {
        assertThrows(NutSyntaxException.class, () -> tok("abc\\"));
    }

    @Test
    void maxTokensIsEnforced() throws Exception {
        String line = String.join(" ", Collections.nCopies(NutTokenizer.DEFAULT_MAX_TOKENS, "w"));
        assertEquals(NutTokenizer.DEFAULT_MAX_TOKENS, tok(line).size());
        NutSyntaxException e = assertThrows(NutSyntaxException.class, () -> tok(line + " one.more"));
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
        assertEquals(List.of("a", "b"), NutTokenizer.tokenize("a b", 2));
        assertThrows(NutSyntaxException.class, () -> NutTokenizer.tokenize("a b \"\"", 2), "empty tokens count too");
        assertTrue(NutTokenizer.DEFAULT_MAX_TOKENS >= 32, "at least parseconf's own limit");
    }

    @Test
    void quoteEscapesWhatNutEscapes() {
        assertEquals("\"plain\"", NutTokenizer.quote("plain"));
        assertEquals("\"\"", NutTokenizer.quote(""));
        assertEquals("\"a \\\"b\\\" \\\\ \\#c\"", NutTokenizer.quote("a \"b\" \\ #c"));
    }

    @Test
    void wordQuotesOnlyWhenNeeded() {
        assertEquals("ups.status", NutTokenizer.word("ups.status"));
        assertEquals("\"\"", NutTokenizer.word(""));
        assertEquals("\"a b\"", NutTokenizer.word("a b"));
        assertEquals("\"#x\"".replace("#", "\\#"), NutTokenizer.word("#x"));
        assertEquals("\"tab\there\"", NutTokenizer.word("tab\there"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "two words", "q\"uote", "back\\slash", "#hash", "mixed \"all\" \\ # of\tthem", "ünïcödé"})
    void quoteAndWordRoundTripThroughTheTokenizer(String value) throws Exception {
        assertEquals(List.of("X", value), tok("X " + NutTokenizer.quote(value)));
        assertEquals(List.of("X", value), tok("X " + NutTokenizer.word(value)));
    }
}
