package org.knut.driver.usbhid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knut.driver.usb.UsbDeviceInfo;

class SubdriverCatalogTest {
    private final SubdriverCatalog catalog = SubdriverCatalog.builtIn();

    private static UsbDeviceInfo usb(int vid, int pid) {
        return new UsbDeviceInfo(vid, pid, null, null, null, "001", "002");
    }

    @Test
    void everyTableLoadsInNutsOrder() {
        assertEquals(java.util.List.of("explore", "mge", "apc", "arduino", "belkin", "cps", "liebert", "powercom", "tripplite", "generic"),
                catalog.all().stream().map(Subdriver::name).toList());
        catalog.all().stream().filter(s -> s.claim() != Subdriver.Claim.EXPLORE)
                .forEach(s -> assertTrue(s.rows().size() >= 10, s.name() + " has " + s.rows().size() + " rows"));
    }

    @Test
    void subdriversAreChosenByVendorAndProductIdAsNutDoes() {
        assertEquals("apc", catalog.claim(usb(0x051d, 0x0002), false, false, false).name());
        assertEquals("cps", catalog.claim(usb(0x0764, 0x0501), false, false, false).name());
        assertEquals("mge", catalog.claim(usb(0x0463, 0xffff), false, false, false).name());
        assertEquals("tripplite", catalog.claim(usb(0x09ae, 0x3016), false, false, false).name());
        assertEquals("belkin", catalog.claim(usb(0x050d, 0x0980), false, false, false).name());
        assertEquals("belkin", catalog.claim(usb(0x10af, 0x0001), false, false, false).name(), "NUT's belkin table claims these Liebert ids first");
        assertEquals("mge", catalog.claim(usb(0x06da, 0xffff), false, false, false).name(), "Phoenixtec is in the MGE and Liebert tables: MGE comes first");
        assertEquals("belkin", catalog.claim(usb(0x10af, 0x0002), true, false, false).name(), "with productid, the first table knowing the vendor");
        assertEquals("powercom", catalog.claim(usb(0x0d9f, 0x00a2), false, false, false).name());
        assertEquals("arduino", catalog.claim(usb(0x2341, 0x8036), false, false, false).name());
        assertNull(catalog.claim(usb(0x051d, 0x9999), false, false, false), "a known vendor's unknown product needs the productid option");
        assertEquals("apc", catalog.claim(usb(0x051d, 0x9999), true, false, false).name());
        assertNull(catalog.claim(usb(0x050d, 0x0218), true, false, false), "a Belkin USB hub is never a UPS");
        assertNull(catalog.claim(usb(0x1234, 0x5678), true, false, false));
    }

    @Test
    void exploreTakesAnyDeviceFirstAndGenericOnlyWhatNoTableClaimsWhenVendoridIsGiven() {
        assertEquals("explore", catalog.claim(usb(0x051d, 0x0002), false, true, true).name(), "as NUT: explore is tried first");
        assertEquals("explore", catalog.claim(usb(0x1234, 0x5678), false, true, true).name());
        assertEquals("generic", catalog.claim(usb(0x1234, 0x5678), false, true, false).name());
        assertEquals("apc", catalog.claim(usb(0x051d, 0x0002), false, true, false).name(), "a vendor table wins over generic");
        assertEquals("generic", catalog.claim(usb(0x051d, 0x9999), false, true, false).name(),
                "a known vendor's unknown product without productid: the generic table");
    }

    @Test
    void conversionDirectivesAreChecked() {
        assertEquals("t.hid line 2: a bit mask of 0 never matches; write 'nonzero' to test the whole value",
                badTable("bits b 0 on !on\n"));
        assertEquals("t.hid line 2: quirk 'q' of 0001:0002 is not defined", badTable("usb 0001 0002 q\n"));
        assertEquals("t.hid line 2: quirk 'q' scales 'x', which is not a 'scale' lookup of this table", badTable("quirk q x=2\n"));
        assertEquals("t.hid line 2: 'x=y' is not <scale>=<factor>", badTable("quirk q x=y\n"));
        assertEquals("t.hid line 2: unknown lookup option 'bits=3'", badTable("lookup l bits=3\n"));
        assertEquals("t.hid line 2: unknown claim 'all' (explore or fallback)", badTable("claim all\n"));
        assertEquals("t.hid line 2: unknown descriptor fix 'x'", badTable("descriptorfix x 0764 0501\n"));
    }

    private static String badTable(String lines) {
        return assertThrows(RuntimeException.class, () -> SubdriverParser.parse("t.hid",
                new StringReader("subdriver t \"T 1\"\n" + lines.replace("\\n", "\n")), Map.of())).getMessage();
    }

    @Test
    void maskedLookupsBitsAndScales() throws Exception {
        Subdriver t = SubdriverParser.parse("t.hid", new StringReader(String.join("\n",
                "subdriver t \"T 1\"", "lookup type mask=0f default=online", "  1 offline",
                "bits ac 0001 !online online", "scale volt 1", "quirk big volt=100", "usb 0001 0002 big",
                "ups.type UPS.PowerSummary.Voltage %s lookup=type", "BOOL UPS.PowerSummary.ACPresent - lookup=ac",
                "input.voltage UPS.Input.Voltage %s lookup=volt", "bits boost 0018=0018 boost !boost",
                "BOOL UPS.PowerSummary.PresentStatus.Overload - lookup=boost", "")), Map.of());
        Lookup.Context none = i -> "";
        assertEquals("offline", t.rows().get(0).lookup().toNut(0x41, none), "only the low nibble counts");
        assertEquals("online", t.rows().get(0).lookup().toNut(0x47, none), "the default for other values");
        assertEquals("!online", t.rows().get(1).lookup().toNut(0x11, none));
        assertEquals("online", t.rows().get(1).lookup().toNut(0x10, none));
        assertEquals("boost", t.rows().get(3).lookup().toNut(0x19, none), "bits 3 and 4 both set");
        assertEquals("!boost", t.rows().get(3).lookup().toNut(0x08, none), "bit 3 alone is trim");
        Lookup.Context big = new Lookup.Context() {
            @Override
            public String string(int index) {
                return "";
            }

            @Override
            public double factor(String scale) {
                return t.quirks().get(t.quirk(usb(1, 2))).getOrDefault(scale, 1.0);
            }
        };
        assertEquals("121.0", t.rows().get(2).lookup().toNut(1.21, big));
        assertEquals("1.2", t.rows().get(2).lookup().toNut(1.21, none));
    }

    @Test
    void tableMistakesNameFileAndLine() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> SubdriverParser.parse("t.hid",
                new StringReader("subdriver t \"T 1\"\nbattery.charge UPS.PowerSummary.NoSuchUsage %.0f\n"), Map.of()));
        assertEquals("t.hid line 2: 'NoSuchUsage' in HID path UPS.PowerSummary.NoSuchUsage is not a known usage name", e.getMessage());
        e = assertThrows(RuntimeException.class, () -> SubdriverParser.parse("t.hid",
                new StringReader("subdriver t \"T 1\"\nBOOL UPS.PowerSummary.ACPresent - quick\n"), Map.of()));
        assertEquals("t.hid line 2: a BOOL row needs a lookup", e.getMessage());
        e = assertThrows(RuntimeException.class, () -> SubdriverParser.parse("t.hid",
                new StringReader("subdriver t \"T 1\"\nx UPS.PowerSummary.Voltage %d\n"), Map.of()));
        assertEquals("t.hid line 2: x: format '%d' is not %.<digits>f", e.getMessage());
    }
}
