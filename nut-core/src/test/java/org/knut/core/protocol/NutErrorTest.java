package org.knut.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class NutErrorTest {
    @Test
    void wireCodesUseDashes() {
        assertEquals("UNKNOWN-UPS", NutError.UNKNOWN_UPS.code());
        assertEquals("ERR VAR-NOT-SUPPORTED\n", NutError.VAR_NOT_SUPPORTED.line());
        assertEquals("ERR DATA-STALE\n", NutError.DATA_STALE.line());
    }

    @Test
    void everyCodeParsesBack() {
        for (NutError e : NutError.values()) {
            assertSame(e, NutError.fromCode(e.code()));
        }
        assertNull(NutError.fromCode("NOT-A-CODE"));
        assertNull(NutError.fromCode("unknown-ups"), "codes are case-sensitive on the wire");
    }
}
