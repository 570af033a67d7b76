package org.knut.driver.megatec;

import java.util.Locale;

/** blazer_ser's {@code cablepower}: which modem-control outputs power the cable's level converter. */
enum CablePower {
    NORMAL(true, false), REVERSE(false, true), BOTH(true, true), NONE(false, false);

    final boolean dtr;
    final boolean rts;

    CablePower(boolean dtr, boolean rts) {
        this.dtr = dtr;
        this.rts = rts;
    }

    static CablePower of(String value) {
        if (value == null) {
            return NORMAL;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Value '" + value + "' not valid for 'cablepower'", e);
        }
    }
}
