package org.knut.driver.dummy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a dummy-ups data file into logical lines of words exactly as NUT's parseconf state machine
 * does, because dummy-ups files are read with it and its quirks decide what a file means:
 * <ul>
 * <li>{@code #} starts a comment at the start of a word and also in the middle of one;</li>
 * <li>{@code =} is a word of its own ({@code a=b} is three words);</li>
 * <li>a {@code "} opens a quoted word only at the start of a word (elsewhere it is a plain character),
 * a quoted word continues over line ends, and a {@code #} inside it is an error that drops the words
 * read so far and restarts the parse right after the {@code #};</li>
 * <li>a backslash takes the next character literally; backslash-newline joins lines;</li>
 * <li>characters outside space..DEL are dropped, words stop growing at 512 characters and a line keeps
 * at most 32 words.</li>
 * </ul>
 * The text is expected as ISO-8859-1 (one char per byte), so any byte sequence can be parsed.
 */
final class ParseconfTokenizer {
    static final int ARG_LIMIT = 32;
    static final int WORD_LIMIT = 512;

    /**
     * One logical line.
     *
     * @param line the physical line it starts on (from 1)
     * @param words its words
     * @param error parseconf's error for the line (the line is then to be ignored), or null
     * @param warnings what was dropped from the line, for the log
     */
    record RawLine(int line, List<String> words, String error, List<String> warnings) {
    }

    private enum State {
        FIND_WORD_START, FIND_EOL, QUOTE, QUOTE_LITERAL, COLLECT, COLLECT_LITERAL
    }

    private final List<RawLine> out = new ArrayList<>();
    private List<String> words = new ArrayList<>();
    private List<String> warnings = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private State state = State.FIND_WORD_START;
    private int physicalLine = 1;
    private int startLine = 1;

    private ParseconfTokenizer() {
    }

    static List<RawLine> split(String text) {
        ParseconfTokenizer t = new ParseconfTokenizer();
        t.run(text);
        return t.out;
    }

    private void run(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean lineDone = step(ch);
            if (ch == '\n') {
                physicalLine++;
            }
            if (lineDone) {
                startLine = physicalLine;
            }
        }
        // a file without a final newline: finish the last line if it has words
        if (!words.isEmpty()) {
            if (word.length() > 0) {
                endOfWord();
            }
            finishLine(null);
        }
    }

    /** Feeds one character; true when it ended a logical line. */
    private boolean step(char ch) {
        switch (state) {
            case FIND_WORD_START:
                return findWordStart(ch);
            case FIND_EOL:
                if (ch == '\n') {
                    return finishLine(null);
                }
                return false;
            case QUOTE:
                if (ch == '#') {
                    endOfWord();
                    return finishLine("Unbalanced word due to unescaped # in quotes");
                }
                if (ch == '"') {
                    endOfWord();
                    state = State.FIND_WORD_START;
                } else if (ch == '\\') {
                    state = State.QUOTE_LITERAL;
                } else {
                    addChar(ch);
                }
                return false;
            case QUOTE_LITERAL:
                if (ch != '\n') {
                    addChar(ch);
                }
                state = State.QUOTE;
                return false;
            case COLLECT:
                return collect(ch);
            case COLLECT_LITERAL:
                if (ch != '\n') {
                    addChar(ch);
                }
                state = State.COLLECT;
                return false;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    private boolean findWordStart(char ch) {
        if (ch == '\n') {
            return finishLine(null);
        }
        if (ch == '#') {
            state = State.FIND_EOL;
        } else if (isSpace(ch)) {
            state = State.FIND_WORD_START;
        } else if (ch == '\\') {
            state = State.COLLECT_LITERAL;
        } else if (ch == '"') {
            state = State.QUOTE;
        } else {
            addChar(ch);
            if (ch == '=') {
                endOfWord();
                state = State.FIND_WORD_START;
            } else {
                state = State.COLLECT;
            }
        }
        return false;
    }

    private boolean collect(char ch) {
        if (ch == '#') {
            endOfWord();
            state = State.FIND_EOL;
        } else if (ch == '\n') {
            endOfWord();
            return finishLine(null);
        } else if (isSpace(ch)) {
            endOfWord();
            state = State.FIND_WORD_START;
        } else if (ch == '=') {
            endOfWord();
            addChar(ch);
            endOfWord();
            state = State.FIND_WORD_START;
        } else if (ch == '\\') {
            state = State.COLLECT_LITERAL;
        } else {
            addChar(ch);
        }
        return false;
    }

    /** C's isspace in the "C" locale. */
    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == 0x0b || ch == '\f' || ch == '\r';
    }

    private void addChar(char ch) {
        if (ch < 0x20 || ch > 0x7f) {
            warn("dropped a control or non-ASCII character (0x" + Integer.toHexString(ch) + ")");
            return;
        }
        if (word.length() >= WORD_LIMIT) {
            warn("a word longer than " + WORD_LIMIT + " characters was cut");
            return;
        }
        word.append(ch);
    }

    private void endOfWord() {
        if (words.size() >= ARG_LIMIT) {
            warn("words after the " + ARG_LIMIT + "th were dropped");
        } else {
            words.add(word.toString());
        }
        word.setLength(0);
    }

    private void warn(String w) {
        if (!warnings.contains(w)) {
            warnings.add(w);
        }
    }

    private boolean finishLine(String error) {
        if (!words.isEmpty() || error != null || !warnings.isEmpty()) {
            out.add(new RawLine(startLine, List.copyOf(words), error, List.copyOf(warnings)));
        }
        words = new ArrayList<>();
        warnings = new ArrayList<>();
        state = State.FIND_WORD_START;
        return true;
    }
}
