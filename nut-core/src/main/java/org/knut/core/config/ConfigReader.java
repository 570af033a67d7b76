package org.knut.core.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a NUT configuration file into tokenised lines with the rules of NUT's parseconf for files:
 * whitespace separates words; {@code "..."} groups a word; a backslash takes the next character
 * literally, and at the end of a line joins the next line; {@code #} outside quotes starts a comment
 * (also in the middle of a word); {@code =} outside quotes is a word of its own, so {@code a=b},
 * {@code a =b} and {@code a= b} all read as {@code a = b}. Errors name the file and line.
 */
public final class ConfigReader {
    /** Lines longer than this are refused rather than buffered. */
    public static final int MAX_LINE = 8192;
    /** Words on one logical line. */
    public static final int MAX_WORDS = 256;

    private ConfigReader() {
    }

    public static List<ConfigLine> read(Path file) throws ConfigException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, "file not found");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    public static List<ConfigLine> parse(String name, String text) throws ConfigException {
        try {
            return read(name, new StringReader(text));
        } catch (IOException e) {
            throw new ConfigException(name, 0, e.getMessage());
        }
    }

    private static List<ConfigLine> read(String name, Reader reader) throws IOException, ConfigException {
        BufferedReader br = new BufferedReader(reader);
        Lexer lexer = new Lexer(name);
        int lineNo = 0;
        String raw;
        while ((raw = br.readLine()) != null) {
            lineNo++;
            if (raw.length() > MAX_LINE) {
                throw new ConfigException(name, lineNo, "line longer than " + MAX_LINE + " characters");
            }
            if (raw.indexOf('\0') >= 0) {
                throw new ConfigException(name, lineNo, "binary data (NUL byte) in text file");
            }
            lexer.line(raw, lineNo);
        }
        lexer.end();
        return lexer.out;
    }

    /** parseconf's state machine, fed one physical line at a time; a logical line may span several. */
    private static final class Lexer {
        private enum State { BETWEEN, WORD, QUOTED }

        final String file;
        final List<ConfigLine> out = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private State state = State.BETWEEN;
        private int startLine;
        private int quoteLine;

        Lexer(String file) {
            this.file = file;
        }

        void line(String raw, int lineNo) throws ConfigException {
            if (words.isEmpty() && state == State.BETWEEN) {
                startLine = lineNo;
            }
            int n = raw.length();
            for (int i = 0; i < n; i++) {
                char c = raw.charAt(i);
                if (c == '\\') {
                    if (i + 1 == n) {
                        // backslash-newline: the logical line (and the word or quote in progress) goes on
                        return;
                    }
                    if (state == State.BETWEEN) {
                        state = State.WORD;
                    }
                    word.append(raw.charAt(++i));
                    continue;
                }
                if (state == State.QUOTED) {
                    if (c == '"') {
                        endWord(lineNo);
                    } else if (c == '#') {
                        throw new ConfigException(file, lineNo, "Unbalanced word due to unescaped # in quotes");
                    } else {
                        word.append(c);
                    }
                    continue;
                }
                if (c == '#') {
                    break; // comment to the end of the physical line; ends a word in progress
                }
                if (Character.isWhitespace(c)) {
                    if (state == State.WORD) {
                        endWord(lineNo);
                    }
                } else if (c == '"' && state == State.BETWEEN) {
                    state = State.QUOTED;
                    quoteLine = lineNo;
                } else if (c == '=') {
                    if (state == State.WORD) {
                        endWord(lineNo);
                    }
                    word.append('=');
                    endWord(lineNo);
                } else {
                    state = State.WORD; // a quote inside a bare word is taken literally
                    word.append(c);
                }
            }
            if (state == State.QUOTED) {
                throw new ConfigException(file, quoteLine, "unbalanced quotes");
            }
            if (state == State.WORD) {
                endWord(lineNo);
            }
            endLine();
        }

        void end() throws ConfigException {
            // a file ending in a backslash
            if (state == State.QUOTED) {
                throw new ConfigException(file, quoteLine, "unbalanced quotes");
            }
            if (state == State.WORD) {
                endWord(startLine);
            }
            endLine();
        }

        private void endWord(int lineNo) throws ConfigException {
            if (words.size() >= MAX_WORDS) {
                throw new ConfigException(file, lineNo, "too many words on one line (more than " + MAX_WORDS + ")");
            }
            words.add(word.toString());
            word.setLength(0);
            state = State.BETWEEN;
        }

        private void endLine() {
            if (!words.isEmpty()) {
                out.add(new ConfigLine(file, startLine, List.copyOf(words)));
                words.clear();
            }
        }
    }
}
