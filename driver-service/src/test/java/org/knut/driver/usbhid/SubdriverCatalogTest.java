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
        assertEquals(java.util.List.of("mge", "apc", "arduino", "belkin", "cps", "liebert", "powercom", "tripplite"),
                catalog.all().stream().map(Subdriver::name).toList());
        catalog.all().forEach(s -> assertTrue(s.rows().size() >= 10, s.name() + " has " + s.rows().size() + " rows"));
    }

    @Test
    void subdriversAreChosenByVendorAndProductIdAsNutDoes() {
        assertEquals("apc", catalog.claim(usb(0x051d, 0x0002), false).name());
        assertEquals("cps", catalog.claim(usb(0x0764, 0x0501), false).name());
        assertEquals("mge", catalog.claim(usb(0x0463, 0xffff), false).name());
        assertEquals("tripplite", catalog.claim(usb(0x09ae, 0x3016), false).name());
        assertEquals("belkin", catalog.claim(usb(0x050d, 0x0980), false).name());
        assertEquals("belkin", catalog.claim(usb(0x10af, 0x0001), false).name(), "NUT's belkin table claims these Liebert ids first");
        assertEquals("mge", catalog.claim(usb(0x06da, 0xffff), false).name(), "Phoenixtec is in the MGE and Liebert tables: MGE comes first");
        assertEquals("belkin", catalog.claim(usb(0x10af, 0x0002), true).name(), "with productid, the first table knowing the vendor");
        assertEquals("powercom", catalog.claim(usb(0x0d9f, 0x00a2), false).name());
        assertEquals("arduino", catalog.claim(usb(0x2341, 0x8036), false).name());
        assertNull(catalog.claim(usb(0x051d, 0x9999), false), "a known vendor's unknown product needs the productid option");
        assertEquals("apc", catalog.claim(usb(0x051d, 0x9999), true).name());
        assertNull(catalog.claim(usb(0x050d, 0x0218), true), "a Belkin USB hub is never a UPS");
        assertNull(catalog.claim(usb(0x1234, 0x5678), true));
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
