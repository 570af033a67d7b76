package org.knut.driver.hid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names of usages in HID paths, as NUT writes them ({@code UPS.PowerSummary.RemainingCapacity}): a
 * subdriver's vendor names first, then the standard table ({@code hid/usages.txt}). A node without a name
 * prints as 8 hex digits ({@code ff860060}), a collection index as {@code [n]}.
 */
public final class UsageNames {
    private static final UsageNames STANDARD = new UsageNames(readStandard());

    private final Map<Integer, String> byCode = new HashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();

    private UsageNames(List<Map.Entry<String, Integer>> ordered) {
        for (Map.Entry<String, Integer> e : ordered) {
            byCode.putIfAbsent(e.getValue(), e.getKey());
            byName.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
    }

    /** The standard Power Device and Battery System names. */
    public static UsageNames standard() {
        return STANDARD;
    }

    /** These vendor names (name to code) ahead of the standard ones: the first entry for a code or a name wins. */
    public static UsageNames withVendor(Map<String, Integer> vendor) {
        List<Map.Entry<String, Integer>> all = new ArrayList<>(vendor.entrySet());
        all.addAll(readStandard());
        return new UsageNames(all);
    }

    public String name(int node) {
        String n = byCode.get(node);
        if (n != null) {
            return n;
        }
        if (HidPath.isIndex(node)) {
            return "[" + (node & 0xffff) + "]";
        }
        return String.format("%08x", node);
    }

    /** The path with names, as NUT's path_to_string. */
    public String format(HidPath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            b.append(i > 0 ? "." : "").append(name(path.node(i)));
        }
        return b.toString();
    }

    /**
     * A path from its text: names (case-insensitive), 1 to 8 hex digits, or {@code [n]}, dot-separated.
     *
     * @throws IllegalArgumentException naming the part that is none of these
     */
    public HidPath parse(String text) {
        String[] parts = text.split("\\.", -1);
        int[] nodes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            Integer code = byName.get(p.toLowerCase(Locale.ROOT));
            if (code != null) {
                nodes[i] = code;
            } else if (p.matches("(0[xX])?[0-9a-fA-F]{1,8}")) { // NUT drops a 0x-prefixed part; we read it as meant
                nodes[i] = (int) Long.parseLong(p.replaceFirst("^0[xX]", ""), 16);
            } else if (p.matches("\\[[0-9]{1,5}\\]")) {
                nodes[i] = HidPath.INDEX_PAGE + Integer.parseInt(p.substring(1, p.length() - 1));
            } else {
                throw new IllegalArgumentException("'" + p + "' in HID path " + text + " is not a known usage name");
            }
        }
        return new HidPath(nodes);
    }

    private static List<Map.Entry<String, Integer>> readStandard() {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        try (InputStream in = UsageNames.class.getResourceAsStream("/hid/usages.txt")) {
            if (in == null) {
                throw new IllegalStateException("hid/usages.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] w = t.split("\\s+");
                out.add(Map.entry(w[0], (int) Long.parseLong(w[1], 16)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The names of a whole descriptor, one line per field as NUT's explore output lists them. */
    public List<String> describe(ReportDescriptor d) {
        List<String> out = new ArrayList<>();
        for (HidField f : d.fields()) {
            out.add(String.format("Path: %s, Type: %s, ReportID: 0x%02x, Offset: %d, Size: %d", format(f.path()), f.type().nutName(),
                    f.reportId(), f.offset(), f.size()));
        }
        return out;
    }
}
