package org.knut.core.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into tokens with the rules NUT's parseconf applies to the network protocol, the
 * driver socket and the configuration files: whitespace separates tokens, double quotes group a token
 * that contains spaces, a backslash takes the next character literally (so {@code \"} and {@code \\}),
 * and {@code #} at the start of a token begins a comment that runs to the end of the line.
 */
public final class NutTokenizer {
    /** parseconf's own sanity limit on the driver socket; we accept at least this many arguments. */
    public static final int DEFAULT_MAX_TOKENS = 64;

    private NutTokenizer() {
    }

    public static List<String> tokenize(CharSequence line) throws NutSyntaxException {
        return tokenize(line, DEFAULT_MAX_TOKENS);
    }

    public static List<String> tokenize(CharSequence line, int maxTokens) throws NutSyntaxException {
        List<String> tokens = new ArrayList<>(4);
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        boolean quoted = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new NutSyntaxException("backslash at end of line");
                }
                token.append(line.charAt(++i));
                inToken = true;
            } else if (c == '"') {
                if (quoted) {
                    quoted = false;
                    add(tokens, token, maxTokens);
                    inToken = false;
                } else if (!inToken) {
                    quoted = true;
                    inToken = true;
                } else {
                    token.append(c); // a quote in the middle of a bare word is taken literally
                }
            } else if (quoted) {
                token.append(c);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inToken) {
                    add(tokens, token, maxTokens);
                    inToken = false;
                }
            } else if (c == '#' && !inToken) {
                break;
            } else {
                token.append(c);
                inToken = true;
            }
        }
        if (quoted) {
            throw new NutSyntaxException("unbalanced quotes");
        }
        if (inToken) {
            add(tokens, token, maxTokens);
        }
        return tokens;
    }

    private static void add(List<String> tokens, StringBuilder token, int maxTokens) throws NutSyntaxException {
        if (tokens.size() >= maxTokens) {
            throw new NutSyntaxException("too many arguments (more than " + maxTokens + ")");
        }
        tokens.add(token.toString());
        token.setLength(0);
    }

    /**
     * Writes {@code value} as one quoted token, escaping {@code "}, {@code \} and {@code #} as NUT's
     * pconf_encode does: NUT's own parser rejects an unescaped {@code #} inside quotes.
     */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        appendQuoted(sb, value);
        return sb.toString();
    }

    public static StringBuilder appendQuoted(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '#') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"');
    }

    /** A token as a bare word when it can stand alone, otherwise quoted. */
    public static String word(String value) {
        if (value.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '\\' || c == '#') {
                return quote(value);
            }
        }
        return value;
    }
}
