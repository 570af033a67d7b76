package org.knut.driver.usbhid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knut.driver.hid.HidPath;
import org.knut.driver.hid.UsageNames;
import org.knut.driver.snmp.MibTableParser;

/**
 * Reads a subdriver table file ({@code usbhid/*.hid}): one directive per line, blank-separated words,
 * {@code "..."} for words with blanks, {@code #} comments.
 *
 * <pre>
 * subdriver apc "APC HID 0.98"     # name, driver.version.data
 * mfr       APC                    # ups.mfr when the device has no manufacturer string
 * model     apc                    # the product string carries "FW:" firmware versions (or mge: see modelname)
 * modelname "Eaton 5P" 650 eaton_5p "5P 650"  # MGE: product and iModel strings, series, ups.model (-: the two strings joined)
 * claim     fallback               # also any device no table claims (explore: any device in explore mode)
 * usb       051d 0002              # a supported vendor/product id pair
 * usb       09ae 3016 lcdt_scale   # ... with a quirk (NUT's per-id match callback)
 * quirk     lcdt_scale tl_iovolt=100000  # factors the quirk gives scale lookups
 * scale     tl_iovolt 1            # a lookup: value times the quirk's factor, 1 decimal
 * bits      belkin_online 0001 !online online  # a lookup: text when the mask's bits are set / clear
 * bits      powercom_boost 0018=0018 boost !boost # ... when the masked bits equal a value / not
 * pollonly  051d 0003              # ... whose interrupt pipe is not used
 * interruptonly 0d9f 0001          # ... that only answers on the interrupt pipe
 * refuse    050d 0218              # a product of the vendor that is not a UPS
 * descriptorfix cps_output_voltage 0764 0501  # a DescriptorFixes repair for a product
 * usage     APCStatusFlag ff860060 # a vendor usage name
 * lookup    apc_sensitivity        # an enumeration; "value text" lines follow
 *   0 low
 * lookup    belkin_upstype mask=0f default=online  # ... of some bits, with a text for other values
 * # name               path                                   format  options
 * battery.charge       UPS.PowerSummary.RemainingCapacity     %.0f
 * battery.charge.low   UPS.PowerSummary.RemainingCapacityLimit %.0f  rw string=10 semistatic
 * BOOL                 UPS.PowerSummary.PresentStatus.ACPresent -    quick lookup=online
 * load.off.delay       UPS.PowerSummary.DelayBeforeShutdown    20    cmd
 * </pre>
 *
 * Options: {@code rw static semistatic absent quick cmd enum string=<n> lookup=<name>}; lookups are this
 * file's, the shared ones ({@code usbhid/common.hid}), or the conversions ({@code date apcdate hex stringid
 * divide10 kelvin}).
 */
final class SubdriverParser {
    private SubdriverParser() {
    }

    /** The lookups of a file that has only lookups (the shared enumerations). */
    static Map<String, Lookup> lookups(String source, Reader in) throws IOException {
        State s = new State(source, Map.of());
        s.read(in, false);
        return s.lookups;
    }

    static Subdriver parse(String source, Reader in, Map<String, Lookup> shared) throws IOException {
        State s = new State(source, shared);
        s.read(in, true);
        if (s.name == null) {
            throw new MibTableParser.BadTable(source, s.lineNo, "no 'subdriver <name> <version>' line");
        }
        // quirks and scales may come in any order: checked once the whole table is read
        for (Map.Entry<String, Map<String, Double>> q : s.quirks.entrySet()) {
            for (String scale : q.getValue().keySet()) {
                if (!(s.lookups.get(scale) instanceof ScaleLookup)) {
                    throw new MibTableParser.BadTable(source, s.lines.get(q.getKey()), "quirk '" + q.getKey() + "' scales '" + scale
                            + "', which is not a 'scale' lookup of this table");
                }
            }
        }
        for (Map.Entry<UsbId, String> q : s.quirkOf.entrySet()) {
            if (!s.quirks.containsKey(q.getValue())) {
                throw new MibTableParser.BadTable(source, s.lines.get(q.getKey().toString()), "quirk '" + q.getValue() + "' of "
                        + String.format("%04x:%04x", q.getKey().vendorId(), q.getKey().productId()) + " is not defined");
            }
        }
        return new Subdriver(s.name, s.version, s.mfr, s.model, s.modelNames, s.claim, s.ids, s.refused, s.pollOnly, s.interruptOnly, s.quirkOf, s.quirks,
                s.fixes, s.names(), s.rows);
    }

    private static final class State {
        final String source;
        final Map<String, Lookup> shared;
        final Map<String, Lookup> lookups = new LinkedHashMap<>();
        final Map<String, Integer> usages = new LinkedHashMap<>();
        final List<UsbId> ids = new ArrayList<>();
        final Set<UsbId> refused = new HashSet<>();
        final Set<UsbId> pollOnly = new HashSet<>();
        final Set<UsbId> interruptOnly = new HashSet<>();
        final Map<UsbId, String> quirkOf = new LinkedHashMap<>();
        final Map<String, Map<String, Double>> quirks = new LinkedHashMap<>();
        final Map<UsbId, String> fixes = new LinkedHashMap<>();
        /** Where each quirk, and each id with a quirk, is declared. */
        final Map<String, Integer> lines = new java.util.HashMap<>();
        final List<HidInfo> rows = new ArrayList<>();
        String name;
        String version;
        String mfr;
        Subdriver.Model model = Subdriver.Model.PRODUCT;
        final List<Subdriver.ModelName> modelNames = new ArrayList<>();
        Subdriver.Claim claim = Subdriver.Claim.IDS;
        int lineNo;
        TableLookup open;
        UsageNames names;

        State(String source, Map<String, Lookup> shared) {
            this.source = source;
            this.shared = shared;
        }

        UsageNames names() {
            if (names == null) {
                names = UsageNames.withVendor(usages);
            }
            return names;
        }

        RuntimeException bad(String why) {
            return new MibTableParser.BadTable(source, lineNo, why);
        }

        void read(Reader in, boolean rowsAllowed) throws IOException {
            BufferedReader r = new BufferedReader(in);
            for (String line; (line = r.readLine()) != null;) {
                lineNo++;
                List<String> w = MibTableParser.words(source, lineNo, line);
                if (w.isEmpty()) {
                    continue;
                }
                if (open != null && w.get(0).matches("-?[0-9]+")) {
                    need(w, 2, "value text");
                    open.add(Long.parseLong(w.get(0)), w.get(1));
                    continue;
                }
                open = null;
                switch (w.get(0)) {
                    case "lookup" -> {
                        if (w.size() < 2) {
                            throw bad("expected: lookup <name> [mask=<hex>] [default=<text>]");
                        }
                        open = table(w);
                        define(open.name(), open);
                    }
                    case "bits" -> {
                        need(w, 5, "bits <name> <hex mask>[=<hex value>]|nonzero <text when set> <text when clear>");
                        String[] m = w.get(2).split("=", 2);
                        long mask = m[0].equals("nonzero") ? BitLookup.NONZERO : hex(m[0], 8);
                        if (mask == BitLookup.NONZERO && !w.get(2).equals("nonzero")) {
                            throw bad("a bit mask of 0 never matches; write 'nonzero' to test the whole value");
                        }
                        define(w.get(1), new BitLookup(w.get(1), mask, m.length > 1 ? hex(m[1], 8) : null, w.get(3), w.get(4)));
                    }
                    case "scale" -> {
                        need(w, 3, "scale <name> <decimals>");
                        if (!w.get(2).matches("[0-9]")) {
                            throw bad("'" + w.get(2) + "' is not a number of decimals (0-9)");
                        }
                        define(w.get(1), new ScaleLookup(w.get(1), Integer.parseInt(w.get(2))));
                    }
                    case "quirk" -> {
                        need(w, 2, Integer.MAX_VALUE, "quirk <name> [<scale>=<factor>...]");
                        quirks.put(w.get(1), factors(w.subList(2, w.size())));
                        lines.put(w.get(1), lineNo);
                    }
                    case "subdriver" -> {
                        need(w, 3, "subdriver <name> <version>");
                        name = w.get(1);
                        version = w.get(2);
                    }
                    case "mfr" -> {
                        need(w, 2, "mfr <name>");
                        mfr = w.get(1);
                    }
                    case "model" -> {
                        need(w, 2, "model apc|mge");
                        model = switch (w.get(1)) {
                            case "apc" -> Subdriver.Model.APC;
                            case "mge" -> Subdriver.Model.MGE;
                            default -> throw bad("unknown model format '" + w.get(1) + "'");
                        };
                    }
                    case "modelname" -> {
                        need(w, 5, "modelname <product> <model> <series> <name>|-");
                        modelNames.add(new Subdriver.ModelName(w.get(1), w.get(2), w.get(3), w.get(4).equals("-") ? null : w.get(4)));
                    }
                    case "claim" -> {
                        need(w, 2, "claim explore|fallback");
                        claim = switch (w.get(1)) {
                            case "explore" -> Subdriver.Claim.EXPLORE;
                            case "fallback" -> Subdriver.Claim.FALLBACK;
                            default -> throw bad("unknown claim '" + w.get(1) + "' (explore or fallback)");
                        };
                    }
                    case "usb" -> {
                        need(w, 3, 4, "usb <vendor id> <product id> [quirk]");
                        UsbId id = id(w.subList(0, 3));
                        ids.add(id);
                        if (w.size() == 4) {
                            quirkOf.put(id, w.get(3));
                            lines.put(id.toString(), lineNo);
                        }
                    }
                    case "refuse" -> refused.add(id(w));
                    case "descriptorfix" -> {
                        need(w, 4, "descriptorfix <name> <vendor id> <product id>");
                        if (DescriptorFixes.named(w.get(1)) == null) {
                            throw bad("unknown descriptor fix '" + w.get(1) + "'");
                        }
                        fixes.put(id(List.of(w.get(0), w.get(2), w.get(3))), w.get(1));
                    }
                    case "pollonly" -> pollOnly.add(id(w));
                    case "interruptonly" -> interruptOnly.add(id(w));
                    case "usage" -> {
                        need(w, 3, "usage <name> <hex code>");
                        if (names != null) {
                            throw bad("usage lines must come before the rows");
                        }
                        usages.put(w.get(1), (int) hex(w.get(2), 8));
                    }
                    default -> {
                        if (!rowsAllowed) {
                            throw bad("unknown directive '" + w.get(0) + "'");
                        }
                        rows.add(row(w));
                    }
                }
            }
        }

        void define(String lookupName, Lookup l) {
            if (lookups.containsKey(lookupName) || shared.containsKey(lookupName) || Conversions.named(lookupName) != null) {
                throw bad("lookup " + lookupName + " is already defined");
            }
            lookups.put(lookupName, l);
        }

        TableLookup table(List<String> w) {
            long mask = -1L;
            String fallback = null;
            for (String opt : w.subList(2, w.size())) {
                if (opt.startsWith("mask=")) {
                    mask = hex(opt.substring(5), 8);
                } else if (opt.startsWith("default=")) {
                    fallback = opt.substring(8);
                } else {
                    throw bad("unknown lookup option '" + opt + "'");
                }
            }
            return new TableLookup(w.get(1), mask, fallback);
        }

        Map<String, Double> factors(List<String> words) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (String f : words) {
                int eq = f.indexOf('=');
                try {
                    out.put(f.substring(0, eq), Double.parseDouble(f.substring(eq + 1)));
                } catch (IndexOutOfBoundsException | NumberFormatException e) {
                    throw bad("'" + f + "' is not <scale>=<factor>");
                }
            }
            return out;
        }

        void need(List<String> w, int min, int max, String form) {
            if (w.size() < min || w.size() > max) {
                throw bad("expected: " + form);
            }
        }

        UsbId id(List<String> w) {
            need(w, 3, w.get(0) + " <vendor id> <product id>");
            return new UsbId((int) hex(w.get(1), 4), (int) hex(w.get(2), 4));
        }

        long hex(String s, int digits) {
            if (!s.matches("[0-9a-fA-F]{1," + digits + "}")) {
                throw bad("'" + s + "' is not a hex number of at most " + digits + " digits");
            }
            return Long.parseLong(s, 16);
        }

        void need(List<String> w, int n, String form) {
            if (w.size() != n) {
                throw bad("expected: " + form);
            }
        }

        HidInfo row(List<String> w) {
            if (w.size() < 3) {
                throw bad("expected: <name> <path> <format> [options]");
            }
            HidPath path;
            try {
                path = names().parse(w.get(1));
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
            Set<HidInfo.Flag> flags = EnumSet.noneOf(HidInfo.Flag.class);
            int stringLength = 0;
            Lookup lookup = null;
            for (String opt : w.subList(3, w.size())) {
                if (opt.startsWith("lookup=")) {
                    String n = opt.substring(7);
                    lookup = lookups.containsKey(n) ? lookups.get(n) : shared.containsKey(n) ? shared.get(n) : Conversions.named(n);
                    if (lookup == null) {
                        throw bad("lookup '" + n + "' is not defined");
                    }
                } else if (opt.matches("string=[0-9]{1,3}")) {
                    stringLength = Integer.parseInt(opt.substring(7));
                } else {
                    try {
                        flags.add(HidInfo.Flag.valueOf(opt.toUpperCase(java.util.Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw bad("unknown option '" + opt + "'");
                    }
                }
            }
            if (w.get(0).equals("BOOL") && lookup == null) {
                throw bad("a BOOL row needs a lookup");
            }
            String format = w.get(2);
            boolean needsFormat = lookup == null && !flags.contains(HidInfo.Flag.ABSENT) && !flags.contains(HidInfo.Flag.CMD);
            if (needsFormat && !format.matches("%\\.[0-9]f")) {
                throw bad(w.get(0) + ": format '" + format + "' is not %.<digits>f");
            }
            return new HidInfo(w.get(0), path, format, stringLength, flags, lookup, lineNo);
        }
    }
}
