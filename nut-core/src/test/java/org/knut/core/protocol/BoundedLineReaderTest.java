package org.knut.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static BoundedLineReader reader(String text, int max) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void readsLfAndCrlfLinesWithoutTerminators() throws IOException {
        BoundedLineReader r = reader("one\ntwo\r\n\r\nthree\n", 100);
        assertEquals("one", r.readLine());
        assertEquals("two", r.readLine());
        assertEquals("", r.readLine(), "an empty CRLF line");
        assertEquals("three", r.readLine());
        assertNull(r.readLine());
        assertNull(r.readLine(), "EOF stays EOF");
    }

    @Test
    void onlyATrailingCrIsDropped() throws IOException {
        BoundedLineReader r = reader("a\rb\r\n", 100);
        assertEquals("a\rb", r.readLine());
    }

    @Test
    void lastLineWithoutNewlineIsReturned() throws IOException {
        BoundedLineReader r = reader("first\nlast", 100);
        assertEquals("first", r.readLine());
        assertEquals("last", r.readLine());
        assertNull(r.readLine());
    }

    @Test
    void emptyStreamIsEof() throws IOException {
        assertNull(reader("", 10).readLine());
    }

    @Test
    void lineAtTheBoundIsAcceptedOneByteMoreIsNot() throws IOException {
        assertEquals("12345", reader("12345\n", 5).readLine());
        assertThrows(BoundedLineReader.LineTooLongException.class, () -> reader("123456\n", 5).readLine());
        assertThrows(BoundedLineReader.LineTooLongException.class, () -> reader("123456", 5).readLine(),
                "also without a newline");
    }

    @Test
    void endlessLineFailsWithoutBufferingItAll() {
        // 1 GiB of 'x' would never fit; the reader must give up after the bound
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served += len;
                if (served > (1L << 30)) {
                    throw new AssertionError("reader kept reading past its bound");
                }
                return len;
            }
        };
        assertThrows(BoundedLineReader.LineTooLongException.class, () -> new BoundedLineReader(endless, 64 * 1024).readLine());
    }

    @Test
    void linesSpanningManyReadsAreJoined() throws IOException {
        // a stream that hands out one byte per read call
        byte[] data = "split across reads\nnext\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < data.length ? data[i++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
        BoundedLineReader r = new BoundedLineReader(trickle, 100);
        assertEquals("split across reads", r.readLine());
        assertEquals("next", r.readLine());
        assertNull(r.readLine());
    }

    @Test
    void decodesUtf8() throws IOException {
        assertEquals("Wärme €", reader("Wärme €\n", 100).readLine());
    }
}
