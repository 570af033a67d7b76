package org.knut.driver.dummy;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a dummy-ups data file (an {@code upsc} dump: {@code var.name: value}, {@code #}
 * comments, {@code TIMER <seconds>}) the way NUT's dummy-ups does, and is as lenient: a line it cannot
 * use is skipped with a warning naming its line, never fatal.
 *
 * <p>Where dummy-ups is not lenient but undefined, this parser differs on purpose: a variable line
 * without a value is skipped (dummy-ups re-uses the previous line's value from an uninitialised
 * buffer), and a first word with a colon inside ({@code RW:var:STRING:32}, {@code CMD:load.off}, the DDL
 * markup of {@code .nds} files) is skipped (dummy-ups publishes a variable named by the text before the
 * colon).
 */
final class DataFileParser {
    /** dummy-ups joins a value's words into a 128-byte buffer. */
    static final int MAX_VALUE = 127;

    /** Receives a warning about one line. */
    interface Warnings {
        void warn(int line, String message);
    }

    private DataFileParser() {
    }

    static List<DataEntry> parse(String text, Warnings warnings) {
        List<DataEntry> out = new ArrayList<>();
        for (ParseconfTokenizer.RawLine raw : ParseconfTokenizer.split(text)) {
            for (String w : raw.warnings()) {
                warnings.warn(raw.line(), w);
            }
            if (raw.error() != null) {
                warnings.warn(raw.line(), raw.error() + "; line ignored");
                continue;
            }
            DataEntry e = entry(raw, warnings);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static DataEntry entry(ParseconfTokenizer.RawLine raw, Warnings warnings) {
        List<String> w = raw.words();
        if (w.isEmpty()) {
            return null;
        }
        int line = raw.line();
        String first = w.get(0);
        if (first.startsWith("TIMER")) { // a prefix test, as in dummy-ups
            if (w.size() < 2) {
                warnings.warn(line, "TIMER without seconds; taken as TIMER 0");
                return new DataEntry.Timer(line, 0);
            }
            return new DataEntry.Timer(line, atoi(w.get(1)));
        }
        int colon = first.indexOf(':');
        if (colon >= 0 && colon != first.length() - 1) {
            warnings.warn(line, "'" + first + "' is not a variable name followed by ':'; line ignored");
            return null;
        }
        String name = colon >= 0 ? first.substring(0, colon) : first;
        if (name.isEmpty()) {
            warnings.warn(line, "no variable name before ':'; line ignored");
            return null;
        }
        if (name.startsWith("driver.")) {
            return null; // the driver publishes its own driver.* variables
        }
        List<String> values = w.subList(1, w.size());
        if (name.equals("ups.status")) {
            return new DataEntry.Status(line, List.copyOf(values));
        }
        if (values.isEmpty()) {
            warnings.warn(line, "no value for " + name + "; line ignored");
            return null;
        }
        String value = String.join(" ", values);
        if (value.length() > MAX_VALUE) {
            warnings.warn(line, "value of " + name + " cut to " + MAX_VALUE + " characters");
            value = value.substring(0, MAX_VALUE);
        }
        return new DataEntry.Assignment(line, name, value);
    }

    /** C's atoi: the leading decimal number, 0 when there is none. */
    static int atoi(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = i < n && s.charAt(i) == '-';
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v <= Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        v = Math.min(v, Integer.MAX_VALUE);
        return (int) (negative ? -v : v);
    }
}
