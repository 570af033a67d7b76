package org.knut.driver.usb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.usb4java.LibUsb;

class UsbMatcherTest {
    private static final UsbDeviceInfo ES = new UsbDeviceInfo(0x051d, 0x0002, "APC", " Back-UPS ES 700 FW:829.D2 .I USB FW:D2 ",
            "5B0811T33088", "003", "007");

    @Test
    void everyGivenOptionMustMatchTheWholeValueIgnoringCase() {
        assertTrue(new UsbMatcher(Map.of()).test(ES));
        assertTrue(new UsbMatcher(Map.of("vendorid", "051D", "productid", "0002", "vendor", "apc", "bus", "003")).test(ES));
        assertTrue(new UsbMatcher(Map.of("product", "Back-UPS ES.*", "serial", "5B08.*")).test(ES), "blanks around strings are ignored");
        assertFalse(new UsbMatcher(Map.of("vendorid", "51d")).test(ES), "ids are 4 hex digits, matched whole");
        assertEquals("serial", new UsbMatcher(Map.of("vendorid", "051d", "serial", "XYZ")).rejectedBy(ES));
        assertFalse(new UsbMatcher(Map.of("serial", "")).test(ES));
        assertTrue(new UsbMatcher(Map.of("serial", "")).test(new UsbDeviceInfo(1, 2, null, null, null, "001", "001")),
                "a missing string is the empty string");
    }

    @Test
    void invalidExpressionsAreConfigurationErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UsbMatcher(Map.of("product", "Back-UPS (")));
        assertTrue(e.getMessage().startsWith("invalid regular expression: Back-UPS ( (product)"), e.getMessage());
    }

    /** usb4java's native libusb loads on this machine; with no USB device attached, opening finds nothing. */
    @Test
    void usb4javaNativeLibraryLoadsAndListsTheBus() throws Exception {
        Usb4javaOpener opener = new Usb4javaOpener();
        assertTrue(opener.libusbVersion().startsWith("1.0."), opener.libusbVersion());
        assertEquals(null, opener.open(d -> d.vendorId() == 0xffff && d.productId() == 0xfffe));
        assertEquals("Entity not found", LibUsb.strError(LibUsb.ERROR_NOT_FOUND));
    }
}
