package org.knut.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the bounded line reader with arbitrary bytes arriving in arbitrary pieces: it returns exactly
 * the input's lines (a trailing CR dropped), and refuses a line over the bound with LineTooLongException
 * only, never anything else and never later than the bound plus one read buffer.
 */
class BoundedLineReaderFuzzTest {
    private static final int MAX_LINE = 64;

    /** The first byte says how many bytes each read hands over (1..16); the rest is the stream. */
    @FuzzTest(maxDuration = "60s")
    void readLines(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        int piece = 1 + (data[0] & 0x0f);
        byte[] stream = Arrays.copyOfRange(data, 1, data.length);
        BoundedLineReader reader = new BoundedLineReader(new Trickle(stream, piece), MAX_LINE);
        int start = 0;
        while (start < stream.length) {
            int end = start;
            while (end < stream.length && stream[end] != '\n') {
                end++;
            }
            String line;
            try {
                line = reader.readLine();
            } catch (BoundedLineReader.LineTooLongException e) {
                assertTrue(end - start > MAX_LINE, "refused a line of " + (end - start) + " bytes");
                return;
            }
            int textEnd = end > start && stream[end - 1] == '\r' ? end - 1 : end;
            assertTrue(end - start <= MAX_LINE, "accepted a line of " + (end - start) + " bytes");
            assertEquals(new String(stream, start, textEnd - start, StandardCharsets.UTF_8), line);
            start = end + 1;
        }
        assertNull(reader.readLine());
    }

    /** An input stream that hands its bytes over at most {@code piece} at a time, as a slow socket does. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int piece;

        Trickle(byte[] bytes, int piece) {
            this.in = new ByteArrayInputStream(bytes);
            this.piece = piece;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, piece));
        }
    }
}
