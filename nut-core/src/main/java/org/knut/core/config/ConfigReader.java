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

import org.knut.core.protocol.NutSyntaxException;
import org.knut.core.protocol.NutTokenizer;

/**
 * Reads a NUT configuration file into tokenised lines: comments and blank lines dropped, a backslash at
 * the end of a line joins the next one, quoting as in parseconf. Errors name the file and line.
 */
public final class ConfigReader {
    /** Lines longer than this are refused rather than buffered. */
    public static final int MAX_LINE = 8192;

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
        List<ConfigLine> out = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int lineNo = 0;
        int startLine = 0;
        String raw;
        while ((raw = br.readLine()) != null) {
            lineNo++;
            if (raw.length() > MAX_LINE) {
                throw new ConfigException(name, lineNo, "line longer than " + MAX_LINE + " characters");
            }
            if (raw.indexOf('\0') >= 0) {
                throw new ConfigException(name, lineNo, "binary data (NUL byte) in text file");
            }
            if (logical.length() == 0) {
                startLine = lineNo;
            }
            if (endsWithContinuation(raw)) {
                logical.append(raw, 0, raw.length() - 1);
                continue;
            }
            logical.append(raw);
            addLine(out, name, startLine, logical);
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            addLine(out, name, startLine, logical);
        }
        return out;
    }

    private static boolean endsWithContinuation(String raw) {
        int backslashes = 0;
        for (int i = raw.length() - 1; i >= 0 && raw.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static void addLine(List<ConfigLine> out, String name, int line, CharSequence text) throws ConfigException {
        try {
            List<String> tokens = NutTokenizer.tokenize(text, 256);
            if (!tokens.isEmpty()) {
                out.add(new ConfigLine(name, line, tokens));
            }
        } catch (NutSyntaxException e) {
            throw new ConfigException(name, line, e.getMessage());
        }
    }
}
