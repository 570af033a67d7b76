package org.knut.core.config;

import java.util.List;

/** One logical line of a NUT configuration file, split into tokens. */
public record ConfigLine(String file, int line, List<String> tokens) {

    public String first() {
        return tokens.get(0);
    }

    public int size() {
        return tokens.size();
    }

    /** The section name when this line is {@code [name]}, else null. */
    public String section() {
        String t = tokens.get(0);
        if (tokens.size() == 1 && t.length() > 2 && t.startsWith("[") && t.endsWith("]")) {
            return t.substring(1, t.length() - 1);
        }
        return null;
    }

    /**
     * Reads the line as {@code key = value} (the reader splits {@code key=value} the same way); null
     * for a bare word. Values with several words after {@code =} are joined with single spaces.
     */
    public KeyValue keyValue() throws ConfigException {
        if (tokens.size() >= 2 && tokens.get(1).equals("=")) {
            if (tokens.size() == 2) {
                throw error("missing value after '=' for " + tokens.get(0));
            }
            return new KeyValue(tokens.get(0), String.join(" ", tokens.subList(2, tokens.size())));
        }
        if (tokens.size() == 1) {
            return null;
        }
        throw error("expected 'key = value', got: " + String.join(" ", tokens));
    }

    public ConfigException error(String reason) {
        return new ConfigException(file, line, reason);
    }

    public record KeyValue(String key, String value) {
    }
}
