package org.knut.driver.snmp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a MIB table file: one directive per line, words separated by blanks, {@code "..."} for a word
 * with blanks or an empty word, {@code #} starts a comment.
 *
 * <pre>
 * mib     apcc 1.6                       # name for mibs=, version for driver.version.data
 * sysoid  .1.3.6.1.4.1.318.1.1.1.1.1.1.0 # optional
 * lookup  pwr                            # an enumeration; its lines follow: value text
 *   2 OL
 *   3 OB
 * # kind  name            scale  oid                             default  options...
 * num     input.voltage   0.1    .1.3.6.1.4.1.318.1.1.1.3.3.1.0  ""       neginvalid unique
 * status  ups.status      128    .1.3.6.1.4.1.318.1.1.1.4.1.1.0  OFF      lookup=pwr
 * cmd     load.off        1      .1.3.6.1.4.1.318.1.1.1.6.2.1.0  2
 * </pre>
 *
 * Kinds are {@code str num status alarm cmd}; {@code -} is "none" for the OID and the default; options
 * are the {@link EntryFlag} words, {@code lookup=<name>} and {@code unit=<oid>}. A row named
 * {@code outlet.%i.<name>} is a template: its OID (which has {@code %i} for one number) and default are
 * instantiated for each outlet.
 */
public final class MibTableParser {

    /** A table file that cannot be used; the message names the file and line. */
    public static final class BadTable extends IllegalArgumentException {
        public BadTable(String source, int line, String message) {
            super(source + " line " + line + ": " + message);
        }
    }

    private MibTableParser() {
    }

    static MibTable parse(String source, Reader in) throws IOException {
        String name = null;
        String version = null;
        String sysOid = null;
        Map<String, Lookup> lookups = new HashMap<>();
        List<MibEntry> entries = new ArrayList<>();
        String lookupName = null;
        Map<Long, String> lookupValues = null;
        BufferedReader r = new BufferedReader(in);
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null;) {
            lineNo++;
            List<String> w = words(source, lineNo, line);
            if (w.isEmpty()) {
                continue;
            }
            String first = w.get(0);
            if (lookupValues != null && isInteger(first)) {
                need(source, lineNo, w, 2, 2, "value text");
                lookupValues.put(Long.parseLong(first), w.get(1));
                continue;
            }
            if (lookupValues != null) {
                lookups.put(lookupName, new Lookup(lookupName, lookupValues));
                lookupValues = null;
            }
            switch (first) {
                case "mib" -> {
                    need(source, lineNo, w, 3, 3, "mib <name> <version>");
                    name = w.get(1);
                    version = w.get(2);
                }
                case "sysoid" -> {
                    need(source, lineNo, w, 2, 2, "sysoid <oid>");
                    sysOid = oid(source, lineNo, w.get(1));
                }
                case "lookup" -> {
                    need(source, lineNo, w, 2, 2, "lookup <name>");
                    lookupName = w.get(1);
                    if (lookups.containsKey(lookupName)) {
                        throw new BadTable(source, lineNo, "lookup " + lookupName + " defined twice");
                    }
                    lookupValues = new LinkedHashMap<>();
                }
                default -> entries.add(entry(source, lineNo, w, lookups));
            }
        }
        if (lookupValues != null) {
            lookups.put(lookupName, new Lookup(lookupName, lookupValues));
        }
        if (name == null) {
            throw new BadTable(source, lineNo, "no 'mib <name> <version>' line");
        }
        return new MibTable(name, version, sysOid, entries);
    }

    private static MibEntry entry(String source, int line, List<String> w, Map<String, Lookup> lookups) {
        EntryKind kind = EntryKind.of(w.get(0));
        if (kind == null) {
            throw new BadTable(source, line, "unknown directive '" + w.get(0) + "'");
        }
        need(source, line, w, 5, Integer.MAX_VALUE, "<kind> <name> <scale> <oid> <default> [options]");
        double scale;
        try {
            scale = Double.parseDouble(w.get(2));
        } catch (NumberFormatException e) {
            throw new BadTable(source, line, "scale '" + w.get(2) + "' is not a number");
        }
        boolean template = w.get(1).contains(MibEntry.NUMBER);
        if (template && !(w.get(1).startsWith(MibEntry.OUTLET_TEMPLATE) && w.get(1).indexOf(MibEntry.NUMBER, MibEntry.OUTLET_TEMPLATE.length()) < 0)) {
            throw new BadTable(source, line, w.get(1) + ": a template row is named " + MibEntry.OUTLET_TEMPLATE + "<name>");
        }
        String oid = w.get(3).equals("-") ? null : oid(source, line, w.get(3), template);
        String dflt = w.get(4).equals("-") ? null : w.get(4);
        Set<EntryFlag> flags = EnumSet.noneOf(EntryFlag.class);
        Lookup lookup = null;
        String unitOid = null;
        for (String opt : w.subList(5, w.size())) {
            if (opt.startsWith("lookup=")) {
                lookup = lookups.get(opt.substring(7));
                if (lookup == null) {
                    throw new BadTable(source, line, "lookup '" + opt.substring(7) + "' is not defined above");
                }
            } else if (opt.startsWith("unit=")) {
                unitOid = oid(source, line, opt.substring(5));
            } else {
                EntryFlag f = EntryFlag.of(opt);
                if (f == null) {
                    throw new BadTable(source, line, "unknown option '" + opt + "'");
                }
                flags.add(f);
            }
        }
        if (oid == null && dflt == null) {
            throw new BadTable(source, line, w.get(1) + " has neither an OID nor a default");
        }
        if ((kind == EntryKind.STATUS || kind == EntryKind.ALARM) && lookup == null) {
            throw new BadTable(source, line, w.get(1) + ": a " + w.get(0) + " row needs a lookup");
        }
        return new MibEntry(kind, w.get(1), scale, oid, dflt, flags, lookup, unitOid, line);
    }

    /** A numeric OID, with or without its leading dot, stored with it. */
    private static String oid(String source, int line, String s) {
        return oid(source, line, s, false);
    }

    /** A numeric OID; a template row's OID has {@code %i} for one of its numbers. */
    private static String oid(String source, int line, String s, boolean template) {
        String o = s.startsWith(".") ? s.substring(1) : s;
        boolean numeric = template ? o.replaceFirst("\\.%i(?=\\.|$)", ".0").matches("[0-9]+(\\.[0-9]+)+") && o.contains(".%i")
                : o.matches("[0-9]+(\\.[0-9]+)+");
        if (!numeric) {
            throw new BadTable(source, line, "'" + s + "' is not a numeric OID" + (template ? " with one %i" : ""));
        }
        return "." + o;
    }

    private static void need(String source, int line, List<String> w, int min, int max, String form) {
        if (w.size() < min || w.size() > max) {
            throw new BadTable(source, line, "expected: " + form);
        }
    }

    private static boolean isInteger(String s) {
        return s.matches("-?[0-9]+");
    }

    /** The words of a line: blank-separated, {@code "..."} quoted, {@code #} to the end is a comment. */
    public static List<String> words(String source, int line, String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new BadTable(source, line, "unterminated quote");
                }
                out.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '#') {
                    i++;
                }
                out.add(text.substring(start, i));
            }
        }
        return out;
    }
}
