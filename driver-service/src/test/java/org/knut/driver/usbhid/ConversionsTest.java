package org.knut.driver.usbhid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConversionsTest {
    @Test
    void datesGoBothWays() {
        Lookup date = Conversions.named("date");
        assertEquals("2008/03/13", date.toNut(14445, i -> ""));
        assertEquals(14445.0, date.toHid("2008/03/13"));
        assertEquals("not set", date.toNut(0, i -> ""));
        assertEquals(0.0, date.toHid("2200/01/01"), "out of the 7-bit year range");
        Lookup apc = Conversions.named("apcdate");
        assertEquals("2012/11/04", apc.toNut(0x110412, i -> ""));
        assertEquals((double) 0x110412, apc.toHid("2012/11/04"));
        assertEquals("1999/01/02", apc.toNut(0x010299, i -> ""));
    }

    @Test
    void scalesAndTemperatures() {
        assertEquals("23.0", Conversions.named("kelvin").toNut(296.15, i -> ""));
        assertEquals("23.0", Conversions.named("kelvin").toNut(23, i -> ""), "already Celsius");
        assertEquals("13.6", Conversions.named("divide10").toNut(136, i -> ""));
        assertEquals("0000beef", Conversions.named("hex").toNut(0xbeef, i -> ""));
        assertEquals("PbAc", Conversions.named("stringid").toNut(4, i -> i == 4 ? "PbAc" : ""));
    }
}
