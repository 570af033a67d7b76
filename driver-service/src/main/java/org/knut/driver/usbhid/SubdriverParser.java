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
 * model     apc                    # the product string carries "FW:" firmware versions
 * usb       051d 0002              # a supported vendor/product id pair
 * pollonly  051d 0003              # ... whose interrupt pipe is not used
 * interruptonly 0d9f 0001          # ... that only answers on the interrupt pipe
 * refuse    050d 0218              # a product of the vendor that is not a UPS
 * usage     APCStatusFlag ff860060 # a vendor usage name
 * lookup    apc_sensitivity        # an enumeration; "value text" lines follow
 *   0 low
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
        return new Subdriver(s.name, s.version, s.mfr, s.apcModel, s.ids, s.refused, s.pollOnly, s.interruptOnly, s.names(), s.rows);
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
        final List<HidInfo> rows = new ArrayList<>();
        String name;
        String version;
        String mfr;
        boolean apcModel;
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
                        need(w, 2, "lookup <name>");
                        if (lookups.containsKey(w.get(1)) || shared.containsKey(w.get(1)) || Conversions.named(w.get(1)) != null) {
                            throw bad("lookup " + w.get(1) + " is already defined");
                        }
                        open = new TableLookup(w.get(1));
                        lookups.put(w.get(1), open);
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
                        need(w, 2, "model apc");
                        if (!w.get(1).equals("apc")) {
                            throw bad("unknown model format '" + w.get(1) + "'");
                        }
                        apcModel = true;
                    }
                    case "usb" -> ids.add(id(w));
                    case "refuse" -> refused.add(id(w));
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
