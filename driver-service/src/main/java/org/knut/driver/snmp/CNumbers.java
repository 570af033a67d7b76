package org.knut.driver.snmp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The C number conversions NUT's snmp-ups applies, so that our values print as its do. */
public final class CNumbers {
    private CNumbers() {
    }

    /** C's {@code strtol(s, NULL, 0)}: optional blanks and sign, 0x for hex, a leading 0 for octal, 0 when none. */
    public static long strtol(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < n && s.charAt(i) == '0') {
            radix = 8;
        }
        long v = 0;
        while (i < n && Character.digit(s.charAt(i), radix) >= 0) {
            long next = v * radix + Character.digit(s.charAt(i), radix);
            if (next < v) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            v = next;
            i++;
        }
        return negative ? -v : v;
    }

    /**
     * A scaled reading as snmp-ups prints it: {@code %i} of the truncated value when that is equal as a
     * float, else {@code %.2f} of the value as a float (rounded half-even on its exact binary value, as
     * glibc's printf does).
     */
    static String scaled(long raw, double scale) {
        double d = raw * scale;
        int truncated = (int) d;
        if (Math.abs((float) truncated - (float) d) <= Math.ulp(1.0f)) {
            return Integer.toString(truncated);
        }
        return fixed((float) d, 2);
    }

    /** C's {@code printf("%.<digits>f", value)}. */
    public static String fixed(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        // printf keeps the sign of a negative value that rounds to zero
        return value < 0 && !s.startsWith("-") ? "-" + s : s;
    }

    /** C's {@code atof}: the longest leading decimal number, 0 when there is none. */
    static double atof(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?").matcher(s);
        return m.find() ? Double.parseDouble(m.group().trim()) : 0;
    }
}
