package org.knut.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parseconf's rules for files, and the file + line every error names. */
class ConfigReaderTest {

    private static List<List<String>> words(String text) throws ConfigException {
        return ConfigReader.parse("test.conf", text).stream().map(ConfigLine::tokens).toList();
    }

    @Test
    void commentsAndBlankLinesAreDropped() throws Exception {
        assertEquals(List.of(List.of("a", "b"), List.of("c")), words("# header\n\n  a b # trailing\n\t\nc\n"));
    }

    @Test
    void equalsIsAWordOfItsOwnInEverySpelling() throws Exception {
        List<String> expected = List.of("key", "=", "value");
        for (String form : List.of("key = value", "key=value", "key =value", "key= value")) {
            assertEquals(List.of(expected), words(form + "\n"), form);
        }
        assertEquals(List.of(List.of("key", "=", "a=b")), words("key = \"a=b\"\n"), "quoted = stays");
        assertEquals(List.of(List.of("key", "=", "a=b")), words("key = a\\=b\n"), "escaped = stays");
    }

    @Test
    void hashInsideAWordStartsAComment() throws Exception {
        assertEquals(List.of(List.of("port", "=", "auto")), words("port = auto#comment\n"));
        assertEquals(List.of(List.of("desc", "=", "a#b")), words("desc = a\\#b\n"));
    }

    @Test
    void quotedValuesKeepSpacesAndEscapes() throws Exception {
        assertEquals(List.of(List.of("desc", "=", "Rack \"A\" \\ left")), words("desc = \"Rack \\\"A\\\" \\\\ left\"\n"));
        assertEquals(List.of(List.of("password", "=", "")), words("password = \"\"\n"));
    }

    @Test
    void backslashNewlineContinuesTheLine() throws Exception {
        List<ConfigLine> lines = ConfigReader.parse("t", "first \\\n  second\nthird\n");
        assertEquals(List.of("first", "second"), lines.get(0).tokens());
        assertEquals(1, lines.get(0).line());
        assertEquals(List.of("third"), lines.get(1).tokens());
        assertEquals(3, lines.get(1).line());
        assertEquals(List.of(List.of("longword")), words("long\\\nword\n"), "inside a word the word goes on");
        assertEquals(List.of(List.of("a", "b c")), words("a \"b \\\nc\"\n"), "inside quotes too");
    }

    @Test
    void commentEndingInBackslashDoesNotSwallowTheNextLine() throws Exception {
        assertEquals(List.of(List.of("a"), List.of("b")), words("a # comment \\\nb\n"));
    }

    @Test
    void fileWithoutFinalNewline() throws Exception {
        assertEquals(List.of(List.of("x", "=", "1")), words("x = 1"));
        assertEquals(List.of(List.of("x")), words("x\\"));
    }

    @Test
    void unbalancedQuoteNamesFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> words("ok = 1\n\nbad = \"open\n"));
        assertEquals("test.conf", e.file());
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("unbalanced"), e.reason());
        assertEquals("test.conf line 3: " + e.reason(), e.getMessage());
    }

    @Test
    void unescapedHashInQuotesIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> words("a = 1\ndesc = \"x # y\"\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("#"), e.reason());
    }

    @Test
    void overlongLineAndBinaryDataAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> words("a\n" + "x".repeat(ConfigReader.MAX_LINE + 1) + "\n"));
        assertEquals(2, e.line());
        e = assertThrows(ConfigException.class, () -> words("a\nb\0c\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("NUL"), e.reason());
    }

    @Test
    void tooManyWords() {
        ConfigException e = assertThrows(ConfigException.class, () -> words("w ".repeat(ConfigReader.MAX_WORDS + 1) + "\n"));
        assertEquals(1, e.line());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.conf");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(missing));
        assertEquals(missing.toString(), e.file());
        assertEquals(0, e.line());
        assertEquals(missing + ": file not found", e.getMessage());
    }

    @Test
    void readsFromAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.conf");
        Files.writeString(f, "a = b\n");
        List<ConfigLine> lines = ConfigReader.read(f);
        assertEquals(f.toString(), lines.get(0).file());
        assertEquals(new ConfigLine.KeyValue("a", "b"), lines.get(0).keyValue());
    }
}
