package org.knut.admin.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the pages print them: at most one decimal, no trailing zeros. */
final class Numbers {
    private Numbers() {
    }

    static String format(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
