package org.knut.driver.apcsmart;

import java.util.ArrayList;
import java.util.List;

/** The status register (answer to {@code Q}, two hex digits) and the alert characters that change it. */
final class ApcStatus {
    static final int CAL = 1;
    static final int TRIM = 1 << 1;
    static final int BOOST = 1 << 2;
    static final int OL = 1 << 3;
    static final int OB = 1 << 4;
    static final int OVER = 1 << 5;
    static final int LB = 1 << 6;
    static final int RB = 1 << 7;
    /** Alerts the UPS sends unasked, as apcsmart handles them. */
    static final String ALERTS = "$!%+#?=";

    private ApcStatus() {
    }

    /** ups.status tokens, in apcsmart's order; no bit at all is OFF. */
    static List<String> tokens(int bits) {
        List<String> s = new ArrayList<>();
        String[] names = {"CAL", "TRIM", "BOOST", "OL", "OB", "OVER", "LB", "RB"};
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                s.add(names[i]);
            }
        }
        if (bits == 0) {
            s.add("OFF");
        }
        return s;
    }

    /** The register after an alert character. */
    static int alert(int bits, char alert) {
        return switch (alert) {
            case '!' -> (bits & ~OL) | OB;
            case '$' -> (bits & ~OB) | OL;
            case '%' -> bits | LB;
            case '+' -> bits & ~LB;
            case '#' -> bits | RB;
            case '?' -> bits | OVER;
            case '=' -> bits & ~OVER;
            default -> bits;
        };
    }
}
