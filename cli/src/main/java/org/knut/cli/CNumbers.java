package org.knut.cli;

import java.math.BigInteger;

/** C's lenient number parsing, where the real tools use it on user or server input. */
final class CNumbers {
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFFFFFFL);

    private CNumbers() {
    }

    /**
     * atoi(3): optional leading whitespace and sign, then as many digits as there are; 0 when there are
     * none ({@code "12.7"} is 12, {@code "abc"} is 0). Saturates instead of overflowing.
     */
    static int atoi(String s) {
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
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = Math.min(v * 10 + (s.charAt(i) - '0'), (long) Integer.MAX_VALUE + 1);
            i++;
        }
        v = negative ? -v : v;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /**
     * NUT's str_to_uint(): surrounding spaces aside, the whole string must be a base-10 number without
     * sign that fits an unsigned int. The exception's message is the strerror() text NUT prints.
     */
    static long parseUint(String s) {
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
