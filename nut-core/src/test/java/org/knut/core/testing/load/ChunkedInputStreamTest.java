package org.knut.core.testing.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ChunkedInputStreamTest {
    @Test
    void joinsChunksAndStopsAtTheLastOne() throws IOException {
        String body = "6\r\ndata: \r\nb;ext=1\r\n{\"a\":\"b\"}\n\n\r\n0\r\n\r\nnot part of the body";
        assertEquals("data: {\"a\":\"b\"}\n\n", read(body));
    }

    @Test
    void aChunkSplitInsideALineStillGivesTheLine() throws IOException {
        assertEquals("event: status\n", read("3\r\neve\r\nB\r\nnt: status\n\r\n0\r\n\r\n"));
    }

    @Test
    void badOrCutStreamsAreErrors() {
        assertThrows(IOException.class, () -> read("zz\r\nabc\r\n"));
        assertThrows(EOFException.class, () -> read("10\r\nshort"));
        assertThrows(IOException.class, () -> read("1".repeat(300)));
    }

    private static String read(String chunked) throws IOException {
        try (InputStream in = new ChunkedInputStream(new ByteArrayInputStream(chunked.getBytes(StandardCharsets.UTF_8)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
