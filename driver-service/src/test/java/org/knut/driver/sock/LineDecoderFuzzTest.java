package org.knut.driver.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the driver socket's line framing with arbitrary bytes in arbitrary pieces: the decoder hands
 * over exactly the input's lines (a trailing CR dropped) and reports each line over the bound as
 * overlong instead, never holding more than the bound.
 */
class LineDecoderFuzzTest {
    private static final int MAX_LINE = 32;

    /** The first byte says how many bytes each network read carries (1..16); the rest is the stream. */
    @FuzzTest(maxDuration = "60s")
    void socketBytes(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int piece = 1 + (data[0] & 0x0f);
        byte[] stream = Arrays.copyOfRange(data, 1, data.length);
        List<String> got = new ArrayList<>();
        LineDecoder decoder = new LineDecoder(MAX_LINE);
        LineDecoder.Sink sink = new LineDecoder.Sink() {
            @Override
            public void line(String line) {
                got.add("line " + line);
            }

            @Override
            public void overlong(int length) {
                got.add("overlong " + length);
            }
        };
        for (int i = 0; i < stream.length; i += piece) {
            decoder.feed(ByteBuffer.wrap(stream, i, Math.min(piece, stream.length - i)), sink);
        }
        assertEquals(expected(stream), got);
    }

    /** What the decoder must report: each complete line, or its length when over the bound. */
    private static List<String> expected(byte[] stream) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == '\n') {
                int len = i - start;
                if (len > MAX_LINE) {
                    out.add("overlong " + len);
                } else {
                    int end = len > 0 && stream[i - 1] == '\r' ? i - 1 : i;
                    out.add("line " + new String(stream, start, end - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
