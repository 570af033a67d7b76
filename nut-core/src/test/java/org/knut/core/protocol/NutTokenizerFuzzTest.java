package org.knut.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the NUT line tokenizer (network protocol and driver socket). In a plain {@code mvn test} each
 * target runs only on its seeds in {@code NutTokenizerFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see docs/fuzzing.md).
 */
class NutTokenizerFuzzTest {

    /** Any line either splits into at most the allowed tokens or fails with NutSyntaxException. */
    @FuzzTest(maxDuration = "60s")
    void tokenizeAnyLine(byte[] data) {
        String line = new String(data, StandardCharsets.UTF_8);
        List<String> tokens;
        try {
            tokens = NutTokenizer.tokenize(line);
        } catch (NutSyntaxException e) {
            return;
        }
        if (tokens.size() > NutTokenizer.DEFAULT_MAX_TOKENS) {
            throw new AssertionError(tokens.size() + " tokens");
        }
        // the tokens written back as words read as the same tokens
        List<String> words = new ArrayList<>();
        for (String t : tokens) {
            words.add(NutTokenizer.word(t));
        }
        assertEquals(tokens, tokenizeValid(String.join(" ", words)));
    }

    /** tokenize(quote(x)) == [x] and tokenize(word(x)) == [x], for any text x. */
    @FuzzTest(maxDuration = "60s")
    void quoteRoundTrip(byte[] data) {
        String value = new String(data, StandardCharsets.UTF_8);
        assertEquals(List.of(value), tokenizeValid(NutTokenizer.quote(value)));
        assertEquals(List.of(value), tokenizeValid(NutTokenizer.word(value)));
    }

    private static List<String> tokenizeValid(String line) {
        try {
            return NutTokenizer.tokenize(line);
        } catch (NutSyntaxException e) {
            throw new AssertionError("our own encoding is rejected: " + line, e);
        }
    }
}
