package org.knut.driver.megatec;

import org.knut.core.text.CNumbers;

/**
 * The Voltronic QS-Hex status answer: {@code #} then space-separated binary fields, where the bytes a
 * serial line would act on (CR, XON, XOFF, LF, space) travel as {@code 0x28} and a code 0..4. It is
 * rewritten as text, each byte as two hex digits except the status and ratings fields (the 10th and
 * 11th), which become eight binary digits, so that the rows can cut it by column as any other answer:
 * {@code #6c01 35 6c01 35 03 519a 1312d0 e6 1e 00001001} (P protocol) and one more field (T protocol).
 */
final class QsHex {
    private static final char ESCAPE = 0x28;
    /** What an escape's code stands for: CR, XON, XOFF, LF, space. */
    private static final int[] ESCAPED = {0x0D, 0x11, 0x13, 0x0A, 0x20};

    private QsHex() {
    }

    /** The answer as text (CR included), or {@link BadReply} for a wrong leader or field count. */
    static String refine(String answer) throws BadReply {
        if (answer.isEmpty()) {
            return answer; // no answer: the row's length check says so
        }
        if (answer.charAt(0) != '#') {
            throw new BadReply(String.format("wrong leading character [0x%x]", (int) answer.charAt(0)));
        }
        StringBuilder refined = new StringBuilder("#");
        int field = 1;
        for (int i = 1; i < answer.length(); i++) {
            char c = answer.charAt(i);
            if (c == ' ') {
                refined.append(' ');
                field++;
                continue;
            }
            if (c == '\r') {
                break;
            }
            int code = c == ESCAPE && i + 1 < answer.length() ? answer.charAt(i + 1) : -1;
            if (code >= 0 && code < ESCAPED.length) {
                append(refined, field, ESCAPED[code]);
                i++;
            } else {
                append(refined, field, c);
            }
        }
        if (field == 10 && refined.length() == 46 || field == 11 && refined.length() == 55) {
            return refined.append('\r').toString();
        }
        throw new BadReply("noncompliant reply: " + refined);
    }

    private static void append(StringBuilder refined, int field, int b) {
        if (field == 10 || field == 11) {
            String bits = Integer.toBinaryString(b & 0xff);
            refined.append("0".repeat(8 - bits.length())).append(bits);
        } else {
            refined.append(String.format("%02x", b & 0xff));
        }
    }

    /**
     * The two hex numbers of a field pair ("6c01 35"), read as C's strtol reads them one after the
     * other: blanks skipped, then digits up to the first other character.
     */
    static long[] pair(String raw, String var) throws BadReply {
        if (!raw.chars().allMatch(c -> c == ' ' || Character.digit(c, 16) >= 0)) {
            throw new BadReply("non numerical value [" + var + ": " + raw + "]");
        }
        int[] at = {0};
        long first = strtol16(raw, at);
        long second = strtol16(raw, at);
        return new long[] {first, second};
    }

    /** strtol(s + at[0], &end, 16) on blanks and hex digits only; moves {@code at[0]} to the end. */
    private static long strtol16(String s, int[] at) {
        int i = at[0];
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < s.length() && s.charAt(i) != ' ') {
            value = value * 16 + Character.digit(s.charAt(i), 16);
            i++;
        }
        at[0] = i == start ? at[0] : i; // no digits: strtol leaves the end where it started
        return value;
    }

    /** A hex number (0 for none), as strtol with base 16. */
    static long hex(String digits) {
        return strtol16(digits, new int[] {0});
    }

    /** Input and output voltage: the pair's product over 51, in 1/256 V. */
    static String voltage(String raw, String var) throws BadReply {
        long[] p = pair(raw, var);
        int volts = (int) (p[0] * p[1] / 51);
        return CNumbers.fixed(volts / 256.0, 1);
    }

    /** Output frequency: the second number over the first, at most 99.9. */
    static String frequency(String raw, String var) throws BadReply {
        long[] p = pair(raw, var);
        double hz = (double) p[1] / p[0];
        return CNumbers.fixed(hz > 99.9 ? 99.9 : hz, 1);
    }

    /** Battery voltage: the pair's product over 510. */
    static String batteryVoltage(String raw, String var) throws BadReply {
        long[] p = pair(raw, var);
        return CNumbers.fixed((int) (p[0] * p[1]) / 510.0, 2);
    }

    /** The load, one hex byte. */
    static String load(String raw, String var) throws BadReply {
        if (!raw.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new BadReply("non numerical value [" + var + ": " + raw + "]");
        }
        return String.valueOf(hex(raw));
    }

    /**
     * A nominal value from the ratings bits (T protocol), by the row's first column: 47 the output
     * frequency, 48-49 the battery voltage, 52-54 the output voltage.
     */
    static String rating(int from, String raw, String var) throws BadReply {
        if (!raw.chars().allMatch(c -> c == '0' || c == '1')) {
            throw new BadReply("unexpected value " + var + "@" + from + "->" + raw);
        }
        long bits = CNumbers.strtol(raw);
        double value = switch (from) {
            case 47 -> bits == 0 ? 50 : 60;
            case 48 -> bits == 0 ? 12 : bits == 1 ? 24 : bits == 10 ? 36 : 48;
            case 52 -> switch ((int) bits) {
                case 0 -> 110;
                case 1 -> 120;
                case 10 -> 220;
                case 11 -> 230;
                case 100 -> 240;
                default -> throw new BadReply("unknown nominal output voltage bits " + raw);
            };
            default -> throw new BadReply("no rating at column " + from);
        };
        return CNumbers.fixed(value, 1);
    }
}
