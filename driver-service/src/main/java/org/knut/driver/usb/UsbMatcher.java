package org.knut.driver.usb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * NUT's regex matcher for the ups.conf options {@code vendorid}, {@code productid}, {@code vendor},
 * {@code product}, {@code serial}, {@code bus} and {@code device}: each given option is a
 * case-insensitive extended regular expression that must match the whole value (ids as 4 lower-case hex
 * digits, strings without leading and trailing blanks, a missing string as "").
 */
public final class UsbMatcher implements Predicate<UsbDeviceInfo> {
    public static final List<String> OPTIONS = List.of("vendorid", "productid", "vendor", "product", "serial", "bus", "device");

    private record Rule(String option, Pattern pattern, Function<UsbDeviceInfo, String> value) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /**
     * @throws IllegalArgumentException naming the option whose expression is invalid
     */
    public UsbMatcher(Map<String, String> options) {
        List<Function<UsbDeviceInfo, String>> values = List.of(d -> String.format("%04x", d.vendorId()),
                d -> String.format("%04x", d.productId()), UsbDeviceInfo::vendor, UsbDeviceInfo::product, UsbDeviceInfo::serial,
                UsbDeviceInfo::bus, UsbDeviceInfo::device);
        for (int i = 0; i < OPTIONS.size(); i++) {
            String regex = options.get(OPTIONS.get(i));
            if (regex == null) {
                continue;
            }
            try {
                rules.add(new Rule(OPTIONS.get(i), Pattern.compile(regex, Pattern.CASE_INSENSITIVE), values.get(i)));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression: " + regex + " (" + OPTIONS.get(i) + ")", e);
            }
        }
    }

    @Override
    public boolean test(UsbDeviceInfo d) {
        return rejectedBy(d) == null;
    }

    /** The first option that rejects the device, for the log; null when it matches. */
    public String rejectedBy(UsbDeviceInfo d) {
        for (Rule r : rules) {
            String v = r.value().apply(d);
            if (!r.pattern().matcher(v == null ? "" : v.strip()).matches()) {
                return r.option();
            }
        }
        return null;
    }
}
