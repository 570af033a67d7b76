package org.knut.upsd.net;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;

/**
 * The decode stage of the NUT server: bytes from one connection, in whatever pieces TCP delivers them,
 * become requests split into words. Lines end with {@code \n} (a {@code \r} before it is whitespace).
 * Words follow NUT's parseconf as upsd applies it to the network: whitespace separates words,
 * {@code "..."} groups one, a backslash takes the next character literally, {@code #} outside quotes
 * starts a comment, {@code =} outside quotes is a word of its own, control characters are dropped
 * (NUT's CVE-2012-2944 rule) and words beyond the 32nd are ignored. Unlike upsd, a line is bounded
 * (upsd buffers it without limit) and an unterminated quote is a malformed request (upsd would keep
 * reading the next line into the quote). Not thread-safe: one per connection.
 */
public final class NetLineDecoder {
    /** parseconf's argument limit on the network; further words are dropped as upsd does. */
    static final int MAX_WORDS = 32;
    /** Lines up to this long are remembered for the repeat check. */
    private static final int REMEMBERED_LINE = 128;

    /** Receives what the decoder found; each method returns false to stop decoding this connection. */
    public interface Sink {
        /**
         * {@code repeat}: the line is, byte for byte, the last one remembered (the previous well-formed line
         * unless that was too long to remember), and {@code words} is the same list as was handed over then.
         */
        boolean request(List<String> words, boolean repeat);

        /** A line that cannot be split into words (unterminated quote, trailing backslash). */
        boolean malformed();

        /** A line longer than the bound; the decoder stops for good. */
        void tooLong();
    }

    private enum State { BETWEEN, WORD, WORD_ESCAPE, QUOTED, QUOTED_ESCAPE, COMMENT }

    /**
     * Working space for splitting a line, shared by the decoders of one event loop (a loop splits one
     * line at a time), so that a connection itself holds little more than its unfinished line.
     */
    public static final class Scratch {
        private final List<String> words = new ArrayList<>(8);
        private byte[] word = new byte[64];
    }

    private final int maxLine;
    private final Scratch scratch;
    private byte[] line = new byte[64];
    private int lineLength;
    private int wordLength;
    /** The previous request's words by position, to reuse instead of allocating when they repeat. */
    private String[] lastWords = new String[4];
    /** The previous request line and its words: a poller repeats the same line, which needs no splitting. */
    private byte[] previous;
    private int previousLength;
    private List<String> previousWords;
    private boolean stopped;

    public NetLineDecoder(int maxLine, Scratch scratch) {
        this.maxLine = maxLine;
        this.scratch = scratch;
    }

    public NetLineDecoder(int maxLine) {
        this(maxLine, new Scratch());
    }

    /** True while part of a line has arrived without its end. */
    public boolean pending() {
        return lineLength > 0;
    }

    /** Feeds the next piece of the stream; complete lines are handed to {@code sink} in order. */
    public void feed(ByteBuf bb, Sink sink) {
        int i = bb.readerIndex();
        int end = bb.writerIndex();
        while (i < end && !stopped) {
            int nl = bb.indexOf(i, end, (byte) '\n');
            int segmentEnd = nl < 0 ? end : nl;
            int n = segmentEnd - i;
            if (lineLength + n > maxLine) {
                stopped = true;
                sink.tooLong();
                return;
            }
            if (lineLength + n > line.length) {
                line = Arrays.copyOf(line, Math.min(maxLine, Math.max(line.length * 2, lineLength + n)));
            }
            bb.getBytes(i, line, lineLength, n);
            lineLength += n;
            if (nl < 0) {
                return;
            }
            i = nl + 1;
            boolean more = complete(sink);
            lineLength = 0;
            if (line.length > 256) {
                line = new byte[64]; // a long line was a one-off: idle connections stay small
            }
            if (!more) {
                stopped = true;
            }
        }
    }

    /** Hands a complete line to the sink: the previous words again if the line repeats the previous one. */
    private boolean complete(Sink sink) {
        if (previousWords != null && lineLength == previousLength
                && Arrays.equals(line, 0, lineLength, previous, 0, lineLength)) {
            return sink.request(previousWords, true);
        }
        if (!split()) {
            return sink.malformed();
        }
        if (lineLength <= REMEMBERED_LINE) {
            if (previous == null) {
                previous = new byte[REMEMBERED_LINE];
            }
            System.arraycopy(line, 0, previous, 0, lineLength);
            previousLength = lineLength;
            previousWords = List.copyOf(scratch.words);
            return sink.request(previousWords, false);
        }
        previousWords = null;
        return sink.request(scratch.words, false);
    }

    /** Splits the buffered line into the scratch's words; false when it is malformed. */
    private boolean split() {
        scratch.words.clear();
        wordLength = 0;
        State st = State.BETWEEN;
        for (int i = 0; i < lineLength && st != State.COMMENT; i++) {
            int c = line[i] & 0xff;
            switch (st) {
                case BETWEEN -> {
                    if (c == '#') {
                        st = State.COMMENT;
                    } else if (c == '"') {
                        st = State.QUOTED;
                    } else if (c == '\\') {
                        st = State.WORD_ESCAPE;
                    } else if (c == '=') {
                        add(c);
                        endWord();
                    } else if (!isSpace(c) && c >= 0x20) {
                        add(c);
                        st = State.WORD;
                    }
                }
                case WORD -> {
                    if (c == '#') {
                        endWord();
                        st = State.COMMENT;
                    } else if (isSpace(c)) {
                        endWord();
                        st = State.BETWEEN;
                    } else if (c == '=') {
                        endWord();
                        add(c);
                        endWord();
                        st = State.BETWEEN;
                    } else if (c == '\\') {
                        st = State.WORD_ESCAPE;
                    } else {
                        add(c);
                    }
                }
                case WORD_ESCAPE -> {
                    add(c);
                    st = State.WORD;
                }
                case QUOTED -> {
                    if (c == '"') {
                        endWord();
                        st = State.BETWEEN;
                    } else if (c == '\\') {
                        st = State.QUOTED_ESCAPE;
                    } else {
                        add(c);
                    }
                }
                case QUOTED_ESCAPE -> {
                    add(c);
                    st = State.QUOTED;
                }
                default -> throw new IllegalStateException(st.name());
            }
        }
        if (st == State.WORD) {
            endWord();
        }
        return st == State.BETWEEN || st == State.WORD || st == State.COMMENT;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == 0x0b || c == 0x0c;
    }

    private void add(int c) {
        if (c < 0x20) {
            return; // control characters never reach a word
        }
        if (wordLength == scratch.word.length) {
            scratch.word = Arrays.copyOf(scratch.word, scratch.word.length * 2);
        }
        scratch.word[wordLength++] = (byte) c;
    }

    private void endWord() {
        List<String> words = scratch.words;
        int index = words.size();
        if (index < MAX_WORDS) {
            if (index == lastWords.length) {
                lastWords = Arrays.copyOf(lastWords, MAX_WORDS);
            }
            String last = lastWords[index];
            if (last == null || !sameAscii(last)) {
                last = new String(scratch.word, 0, wordLength, StandardCharsets.UTF_8);
                lastWords[index] = last;
            }
            words.add(last);
        }
        wordLength = 0;
    }

    /**
     * True when the word just read is {@code s}: clients tend to repeat their requests (a poller asks
     * for the same variable every time), so the same String (hash included) serves them again.
     */
    private boolean sameAscii(String s) {
        if (s.length() != wordLength) {
            return false;
        }
        byte[] word = scratch.word;
        for (int i = 0; i < wordLength; i++) {
            if (word[i] < 0 || s.charAt(i) != word[i]) {
                return false;
            }
        }
        return true;
    }
}
