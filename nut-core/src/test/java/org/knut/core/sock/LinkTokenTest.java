package org.knut.core.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.protocol.NutTokenizer;

class LinkTokenTest {
    @Test
    void acceptsOnlyItsOwnAuthLine() throws Exception {
        LinkToken t = LinkToken.of("s3cret-Token");
        assertEquals("AUTH s3cret-Token", t.authLine());
        assertTrue(t.accepts(NutTokenizer.tokenize(t.authLine())));
        assertFalse(t.accepts(List.of("AUTH", "s3cret-token")));
        assertFalse(t.accepts(List.of("AUTH", "s3cret-Token", "extra")));
        assertFalse(t.accepts(List.of("AUTH")));
        assertFalse(t.accepts(List.of("DUMPALL")));
        assertFalse(t.accepts(List.of("auth", "s3cret-Token")));
        assertFalse(t.toString().contains("s3cret"), "the token never shows in logs");
    }

    @Test
    void readsASecretFileWithoutItsNewline(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("token"), "abc123\n");
        assertTrue(LinkToken.read(f).accepts(List.of("AUTH", "abc123")));
        Path bad = Files.writeString(dir.resolve("bad"), "two words\n");
        assertTrue(assertThrows(IOException.class, () -> LinkToken.read(bad)).getMessage().contains(bad.toString()));
        assertThrows(IllegalArgumentException.class, () -> LinkToken.of("  "));
    }
}
