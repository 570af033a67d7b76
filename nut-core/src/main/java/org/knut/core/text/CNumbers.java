package org.knut.core.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Numbers read and written the way NUT's C programs do, so that our values and our handling of user input
 * match theirs character for character: {@code strtod} reads the longest numeric prefix, {@code printf("%.Nf")} rounds the exact
 * binary value half-to-even (Java's own formatter rounds the shortest decimal form half-up, which
 * differs for values like 2.675).
 */
public final class CNumbers {
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFFFFFFL);

    private CNumbers() {
    }

    /** C's strtod for plain decimal text: the leading number (sign, digits, one dot, exponent), or 0. */
    public static double strtod(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return 0;
        }
        int end = i;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(s.charAt(j))) {
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                end = j;
            }
        }
        return Double.parseDouble(s.substring(start, end)); // Java takes "5." and ".5" as C does
    }

    /**
     * C's {@code strtol(s, NULL, 0)}: optional blanks and sign, then 0x for hex, a leading 0 for octal,
     * else decimal; 0 when there is no number, saturated when it does not fit.
     */
    public static long strtolAnyBase(String s) {
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
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && Character.digit(s.charAt(i + 2), 16) >= 0) {
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

    /** C's strtol in base 10: the leading integer, or 0. */
    public static long strtol(String s) {
        return (long) Math.max(Long.MIN_VALUE, Math.min(Long.MAX_VALUE, integerPart(s)));
    }

    private static double integerPart(String s) {
        String t = s.strip();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int j = i;
        while (j < t.length() && Character.isDigit(t.charAt(j))) {
            j++;
        }
        return j == i ? 0 : Double.parseDouble(t.substring(0, j));
    }

    /** {@code printf("%.<decimals>f", v)}. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        // C prints the sign of a negative value that rounds to zero
        return v < 0 && !s.startsWith("-") ? "-" + s : s;
    }

    /**
     * atoi(3): optional leading whitespace and sign, then as many digits as there are; 0 when there are
     * none ({@code "12.7"} is 12, {@code "abc"} is 0). Saturates instead of overflowing.
     */
    public static int atoi(String s) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, strtol(s)));
    }

    /**
     * NUT's str_to_uint(): surrounding spaces aside, the whole string must be a base-10 number without
     * sign that fits an unsigned int. The exception's message is the strerror() text NUT prints.
     */
    public static long parseUint(String s) {
        String t = s.strip();
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException("Invalid argument");
        }
        BigInteger v = new BigInteger(t);
        if (v.compareTo(UINT_MAX) > 0) {
            throw new NumberFormatException("Numerical result out of range");
        }
        return v.longValue();
    }
}
