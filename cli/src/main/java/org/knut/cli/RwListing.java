package org.knut.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;
import org.knut.core.text.CNumbers;

/**
 * upsrw's listing of writable variables: for each, {@code [name]}, its description, its type block and
 * a blank line. The type block follows NUT's reading of {@code GET TYPE}: RANGE wins, ENUM shows the
 * options with the current one SELECTED, STRING shows the maximum length, NUMBER the value.
 */
final class RwListing {
    private enum EnumKind { STRING, NUMBER, UNTYPED }

    private final Io io;
    private final NutClient c;
    private final String ups;

    RwListing(Io io, NutClient c, String ups) {
        this.io = io;
        this.c = c;
        this.ups = ups;
    }

    void print() {
        for (String var : NutTool.must(() -> c.listRw(ups)).keySet()) {
            io.out().println("[" + var + "]");
            io.out().println(orElse(() -> c.getDesc(ups, var), "Description unavailable"));
            printType(var);
            io.out().println();
        }
    }

    private void printType(String var) {
        List<String> words;
        try {
            words = c.getType(ups, var);
        } catch (IOException | NutException e) {
            io.out().println("Unknown type");
            return;
        }
        boolean isEnum = false;
        for (String w : words) {
            String word = w.toUpperCase(Locale.ROOT);
            if (word.equals("ENUM")) {
                isEnum = true;
            } else if (word.equals("RANGE")) {
                printRange(var);
                return;
            } else if (word.startsWith("STRING:")) {
                long length = CNumbers.atoi(w.substring("STRING:".length()));
                if (isEnum) {
                    printEnum(var, EnumKind.STRING, length);
                } else {
                    String value = current(var, "do_string");
                    io.out().println("Type: STRING");
                    io.out().println("Maximum length: " + length);
                    io.out().println("Value: " + value);
                }
                return;
            } else if (word.equals("NUMBER")) {
                if (isEnum) {
                    printEnum(var, EnumKind.NUMBER, 0);
                } else {
                    String value = current(var, "do_number");
                    io.out().println("Type: NUMBER");
                    io.out().println("Value: " + value);
                }
                return;
            } else if (!word.equals("RW")) {
                io.out().println("Type: " + w + " (unrecognized)");
            }
        }
        if (isEnum) {
            printEnum(var, EnumKind.UNTYPED, 0); // servers older than NUT 2.6 send ENUM alone
        }
    }

    private void printEnum(String var, EnumKind kind, long length) {
        String value = current(var, "do_enum");
        List<String> options = NutTool.must(() -> c.listEnum(ups, var));
        io.out().println(kind == EnumKind.UNTYPED ? "Type: ENUM" : "Type: ENUM " + kind);
        if (kind == EnumKind.STRING) {
            io.out().println("Maximum length: " + length);
        }
        for (String option : options) {
            io.out().println("Option: \"" + option + "\"" + (option.equals(value) ? " SELECTED" : ""));
        }
    }

    /** NUT reads the value and the bounds with atoi(): "12.5" is 12. */
    private void printRange(String var) {
        int value = CNumbers.atoi(current(var, "do_range"));
        List<String[]> ranges = NutTool.must(() -> c.listRange(ups, var));
        io.out().println("Type: RANGE NUMBER");
        for (String[] r : ranges) {
            int min = CNumbers.atoi(r[0]);
            int max = CNumbers.atoi(r[1]);
            io.out().println("Option: \"" + min + "-" + max + "\"" + (value >= min && value <= max ? " SELECTED" : ""));
        }
    }

    private String current(String var, String where) {
        String v = orElse(() -> c.get(ups, var), null);
        if (v == null) {
            throw new Fatal(where + ": can't get current value of " + var);
        }
        return v;
    }

    private static String orElse(NutTool.Request<String> r, String fallback) {
        try {
            return r.run();
        } catch (IOException | NutException e) {
            return fallback;
        }
    }
}
