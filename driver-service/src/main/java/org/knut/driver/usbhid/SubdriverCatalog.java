package org.knut.driver.usbhid;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knut.driver.usb.UsbDeviceInfo;

/** The built-in subdriver tables ({@code usbhid/subdrivers.list}), in NUT's order. */
final class SubdriverCatalog {
    private final List<Subdriver> subdrivers;

    private SubdriverCatalog(List<Subdriver> subdrivers) {
        this.subdrivers = List.copyOf(subdrivers);
    }

    static SubdriverCatalog builtIn() {
        try {
            Map<String, Lookup> common;
            try (Reader r = open("common.hid")) {
                common = SubdriverParser.lookups("usbhid/common.hid", r);
            }
            List<Subdriver> out = new ArrayList<>();
            try (Reader r = open("subdrivers.list")) {
                for (String line : new java.io.BufferedReader(r).lines().toList()) {
                    String file = line.strip();
                    if (file.isEmpty() || file.startsWith("#")) {
                        continue;
                    }
                    try (Reader t = open(file)) {
                        out.add(SubdriverParser.parse("usbhid/" + file, t, common));
                    }
                }
            }
            return new SubdriverCatalog(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader open(String name) {
        InputStream in = SubdriverCatalog.class.getResourceAsStream("/usbhid/" + name);
        if (in == null) {
            throw new IllegalStateException("usbhid/" + name + " is missing from the class path");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    List<Subdriver> all() {
        return subdrivers;
    }

    /**
     * The subdriver for a device, or null: in explore mode the explore table (NUT tries it first); else
     * the first table that claims the device by its USB id; else, when the user named the vendor id, the
     * generic fallback table.
     */
    Subdriver claim(UsbDeviceInfo d, boolean productIdGiven, boolean vendorIdGiven, boolean explore) {
        if (explore) {
            Subdriver explorer = first(Subdriver.Claim.EXPLORE);
            if (explorer != null) {
                return explorer;
            }
        }
        for (Subdriver s : subdrivers) {
            if (s.claim() == Subdriver.Claim.IDS && s.claims(d, productIdGiven)) {
                return s;
            }
        }
        return vendorIdGiven ? first(Subdriver.Claim.FALLBACK) : null;
    }

    private Subdriver first(Subdriver.Claim kind) {
        return subdrivers.stream().filter(s -> s.claim() == kind).findFirst().orElse(null);
    }
}
