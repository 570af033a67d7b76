package org.knut.upsd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;

class NetLineDecoderTest {
    /** Records what the decoder hands over: word lists, "MALFORMED", "TOO-LONG". */
    private static final class Recorder implements NetLineDecoder.Sink {
        final List<Object> seen = new ArrayList<>();
        int stopAfter = Integer.MAX_VALUE;

        @Override
        public boolean request(List<String> words, boolean repeat) {
            seen.add(List.copyOf(words));
            return seen.size() < stopAfter;
        }

        @Override
        public boolean malformed() {
            seen.add("MALFORMED");
            return true;
        }

        @Override
        public void tooLong() {
            seen.add("TOO-LONG");
        }
    }

    private final NetLineDecoder decoder = new NetLineDecoder(64);
    private final Recorder sink = new Recorder();

    private void feed(String s) {
        feed(s.getBytes(StandardCharsets.UTF_8));
    }

    private void feed(byte[] b) {
        decoder.feed(Unpooled.wrappedBuffer(b), sink);
    }

    private List<String> only(String line) {
        feed(line);
        assertEquals(1, sink.seen.size(), sink.seen::toString);
        @SuppressWarnings("unchecked")
        List<String> words = (List<String>) sink.seen.get(0);
        return words;
    }

    @Test
    void splitsOnWhitespaceAndAcceptsCrLf() {
        assertEquals(List.of("GET", "VAR", "demo", "ups.status"), only("GET \t VAR demo ups.status\r\n"));
    }

    @Test
    void quotesGroupAndBackslashEscapes() {
        assertEquals(List.of("SET", "VAR", "u", "x", "a \"b\" \\ c"), only("SET VAR u x \"a \\\"b\\\" \\\\ c\"\n"));
        sink.seen.clear();
        assertEquals(List.of("a b", ""), only("a\\ b \"\"\n"));
    }

    @Test
    void commentsAndEqualsFollowParseconf() {
        assertEquals(List.of("GET", "VAR", "demo", "ups.status"), only("GET VAR demo ups.status # why\n"));
        sink.seen.clear();
        feed("GET VAR demo ups.load=3\n");
        assertEquals(List.of("GET", "VAR", "demo", "ups.load", "=", "3"), sink.seen.get(0));
        sink.seen.clear();
        feed("a#b \"c#d\"\n");
        assertEquals(List.of("a"), sink.seen.get(0));
        sink.seen.clear();
        feed("\"x # y\"\n");
        assertEquals(List.of("x # y"), sink.seen.get(0), "# inside quotes is text");
    }

    @Test
    void emptyAndBlankLinesAreEmptyRequests() {
        feed("\n   \r\n");
        assertEquals(List.of(List.of(), List.of()), sink.seen);
    }

    @Test
    void linesMayArriveInPieces() {
        feed("GET V");
        feed("AR de");
        assertEquals(List.of(), sink.seen);
        feed("mo x\nLIST UPS\nVER");
        feed("\n");
        assertEquals(List.of(List.of("GET", "VAR", "demo", "x"), List.of("LIST", "UPS"), List.of("VER")), sink.seen);
    }

    @Test
    void unterminatedQuoteOrTrailingBackslashIsMalformed() {
        feed("GET VAR \"demo ups.status\nGET VAR demo x\\\nVER\n");
        assertEquals(List.of("MALFORMED", "MALFORMED", List.of("VER")), sink.seen);
    }

    @Test
    void controlCharactersAreDroppedAndUtf8Kept() {
        feed(new byte[] {'G', 'E', 'T', ' ', 'd', 1, 2, 'e', 0, 'm', 'o', '\n'});
        feed("SET VAR u device.location \"B\u00fcro\"\n");
        assertEquals(List.of("GET", "demo"), sink.seen.get(0));
        assertEquals("B\u00fcro", ((List<?>) sink.seen.get(1)).get(4));
    }

    @Test
    void wordsBeyondThirtyTwoAreIgnored() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            line.append('w').append(i).append(' ');
        }
        NetLineDecoder wide = new NetLineDecoder(4096);
        wide.feed(Unpooled.wrappedBuffer((line + "\n").getBytes(StandardCharsets.UTF_8)), sink);
        List<?> words = (List<?>) sink.seen.get(0);
        assertEquals(NetLineDecoder.MAX_WORDS, words.size());
        assertEquals("w31", words.get(31));
    }

    @Test
    void anOverlongLineStopsTheDecoder() {
        feed("VER\n" + "x".repeat(40));
        feed("y".repeat(30) + "\nVER\n");
        assertEquals(List.of(List.of("VER"), "TOO-LONG"), sink.seen);
        feed("VER\n");
        assertEquals(2, sink.seen.size(), "nothing after the overlong line");
    }

    @Test
    void aLineOfExactlyTheBoundIsAccepted() {
        feed("x".repeat(64) + "\n");
        assertEquals(List.of(List.of("x".repeat(64))), sink.seen);
    }

    @Test
    void theSinkCanStopDecoding() {
        sink.stopAfter = 1;
        feed("LOGOUT\nVER\n");
        feed("VER\n");
        assertEquals(List.of(List.of("LOGOUT")), sink.seen);
    }

    @Test
    void repeatedWordsAreTheSameStringsAndChangedOnesAreNot() {
        List<List<String>> seen = new ArrayList<>();
        NetLineDecoder.Sink keep = new NetLineDecoder.Sink() {
            @Override
            public boolean request(List<String> words, boolean repeat) {
                seen.add(new ArrayList<>(words));
                return true;
            }

            @Override
            public boolean malformed() {
                return true;
            }

            @Override
            public void tooLong() {
            }
        };
        decoder.feed(Unpooled.wrappedBuffer("GET VAR demo ups.status\nGET VAR demo ups.load\n".getBytes()), keep);
        assertSame(seen.get(0).get(2), seen.get(1).get(2));
        assertNotSame(seen.get(0).get(3), seen.get(1).get(3));
        assertEquals("ups.load", seen.get(1).get(3));
        assertTrue(seen.get(1).get(3).equals("ups.load"));
    }

    @Test
    void aRepeatedLineIsNotSplitAgain() {
        List<List<String>> lists = new ArrayList<>();
        List<Boolean> repeats = new ArrayList<>();
        NetLineDecoder.Sink keep = new NetLineDecoder.Sink() {
            @Override
            public boolean request(List<String> words, boolean repeat) {
                lists.add(words);
                repeats.add(repeat);
                return true;
            }

            @Override
            public boolean malformed() {
                lists.add(null);
                return true;
            }

            @Override
            public void tooLong() {
            }
        };
        String longLine = "GET VAR demo " + "x".repeat(200) + "\n";
        decoder.feed(Unpooled.wrappedBuffer(("GET VAR demo a\nGET VAR demo a\nGET VAR demo \"a\nGET VAR demo a\nGET VAR demo b\n")
                .getBytes(StandardCharsets.US_ASCII)), keep);
        NetLineDecoder wide = new NetLineDecoder(4096);
        wide.feed(Unpooled.wrappedBuffer((longLine + longLine).getBytes(StandardCharsets.US_ASCII)), keep);
        assertSame(lists.get(0), lists.get(1));
        assertEquals(null, lists.get(2), "malformed");
        assertSame(lists.get(0), lists.get(3), "the last good line is still the one remembered");
        assertEquals(List.of("GET", "VAR", "demo", "b"), lists.get(4));
        assertEquals(List.of("GET", "VAR", "demo", "a"), lists.get(0), "earlier words are not overwritten");
        assertEquals(lists.get(5), lists.get(6));
        assertEquals(4, lists.get(6).size());
        assertEquals(List.of(false, true, true, false, false, false), repeats,
                "a repeat is the remembered line again; a line too long to remember never is");
    }
}
