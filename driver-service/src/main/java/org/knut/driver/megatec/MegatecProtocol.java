package org.knut.driver.megatec;

import java.util.Locale;

/**
 * The query sets of the Megatec family (blazer's command table): every variant answers the same
 * status line, ratings and vendor formats; they differ in the commands that ask for them.
 */
public enum MegatecProtocol {
    MEGATEC("megatec", "Q1\r", "F\r", "I\r"),
    MUSTEK("mustek", "QS\r", "F\r", "I\r"),
    MEGATEC_OLD("megatec/old", "D\r", "F\r", "I\r"),
    ZINTO("zinto", "Q1\r", "F\r", "FW?\r");

    /** The name the {@code protocol} option takes. */
    public final String label;
    final String status;
    final String rating;
    final String vendor;

    MegatecProtocol(String label, String status, String rating, String vendor) {
        this.label = label;
        this.status = status;
        this.rating = rating;
        this.vendor = vendor;
    }

    /** The protocol named by the {@code protocol} option (case-insensitive, as blazer compares). */
    public static MegatecProtocol byLabel(String label) {
        for (MegatecProtocol p : values()) {
            if (p.label.equals(label.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + label + "' (megatec, mustek, megatec/old, zinto)");
    }
}
