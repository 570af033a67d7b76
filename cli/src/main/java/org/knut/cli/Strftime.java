package org.knut.cli;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * strftime(3) in the C/POSIX locale, for upslog's {@code %TIME format%}: every POSIX conversion plus the
 * GNU ones ({@code %k %l %P %s}) and GNU's padding flags {@code - _ 0 ^}. As in glibc, the E and O
 * modifiers are accepted and ignored, and an unknown conversion is copied as it was written.
 */
final class Strftime {
    /** The C locale's names are the English ones. */
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private Strftime() {
    }

    static String format(String fmt, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i;
            char flag = 0;
            while (i + 1 < n && "-_0^#".indexOf(fmt.charAt(i + 1)) >= 0) {
                flag = fmt.charAt(++i);
            }
            if (i + 1 < n && (fmt.charAt(i + 1) == 'E' || fmt.charAt(i + 1) == 'O')) {
                i++;
            }
            if (i + 1 >= n) {
                out.append(fmt, start, n); // a lone % at the end
                break;
            }
            char conv = fmt.charAt(++i);
            String s = convert(conv, flag, t);
            out.append(s == null ? fmt.substring(start, i + 1) : s);
        }
        return out.toString();
    }

    /** One conversion; null for one strftime does not know. */
    private static String convert(char conv, char flag, ZonedDateTime t) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (conv) {
            case 'a' -> text(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US), flag);
            case 'A' -> text(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US), flag);
            case 'b', 'h' -> text(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US), flag);
            case 'B' -> text(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US), flag);
            case 'c' -> text(format("%a %b %e %H:%M:%S %Y", t), flag);
            case 'C' -> num(Math.floorDiv(t.getYear(), 100), 2, '0', flag);
            case 'd' -> num(t.getDayOfMonth(), 2, '0', flag);
            case 'D', 'x' -> format("%m/%d/%y", t);
            case 'e' -> num(t.getDayOfMonth(), 2, ' ', flag);
            case 'F' -> format("%Y-%m-%d", t);
            case 'g' -> num(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0', flag);
            case 'G' -> num(t.get(IsoFields.WEEK_BASED_YEAR), 1, '0', flag);
            case 'H' -> num(t.getHour(), 2, '0', flag);
            case 'I' -> num(hour12, 2, '0', flag);
            case 'j' -> num(t.getDayOfYear(), 3, '0', flag);
            case 'k' -> num(t.getHour(), 2, ' ', flag);
            case 'l' -> num(hour12, 2, ' ', flag);
            case 'm' -> num(t.getMonthValue(), 2, '0', flag);
            case 'M' -> num(t.getMinute(), 2, '0', flag);
            case 'n' -> "\n";
            case 'p' -> text(t.getHour() < 12 ? "AM" : "PM", flag);
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'r' -> format("%I:%M:%S %p", t);
            case 'R' -> format("%H:%M", t);
            case 's' -> Long.toString(t.toEpochSecond());
            case 'S' -> num(t.getSecond(), 2, '0', flag);
            case 't' -> "\t";
            case 'T', 'X' -> format("%H:%M:%S", t);
            case 'u' -> num(t.getDayOfWeek().getValue(), 1, '0', flag);
            case 'U' -> num(weekOfYear(t, DayOfWeek.SUNDAY), 2, '0', flag);
            case 'V' -> num(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', flag);
            case 'w' -> num(t.getDayOfWeek().getValue() % 7, 1, '0', flag);
            case 'W' -> num(weekOfYear(t, DayOfWeek.MONDAY), 2, '0', flag);
            case 'y' -> num(Math.floorMod(t.getYear(), 100), 2, '0', flag);
            case 'Y' -> num(t.getYear(), 1, '0', flag);
            case 'z' -> offset(t.get(ChronoField.OFFSET_SECONDS));
            case 'Z' -> text(ZONE_NAME.format(t), flag);
            case '%' -> "%";
            default -> null;
        };
    }

    /** Weeks whose first day is {@code first}; days before the year's first such day are week 0 (%U, %W). */
    private static int weekOfYear(ZonedDateTime t, DayOfWeek first) {
        int yday = t.getDayOfYear() - 1;
        int daysSinceFirst = Math.floorMod(t.getDayOfWeek().getValue() - first.getValue(), 7);
        return (yday + 7 - daysSinceFirst) / 7;
    }

    private static String offset(int seconds) {
        int abs = Math.abs(seconds) / 60;
        return String.format(Locale.ROOT, "%c%02d%02d", seconds < 0 ? '-' : '+', abs / 60, abs % 60);
    }

    private static String num(long v, int width, char pad, char flag) {
        String digits = Long.toString(Math.abs(v));
        char p = switch (flag) {
            case '-' -> 0;
            case '_' -> ' ';
            case '0' -> '0';
            default -> pad;
        };
        StringBuilder sb = new StringBuilder();
        if (v < 0) {
            sb.append('-');
        }
        for (int i = digits.length() + (v < 0 ? 1 : 0); p != 0 && i < width; i++) {
            sb.append(p);
        }
        return sb.append(digits).toString();
    }

    private static String text(String s, char flag) {
        return flag == '^' || flag == '#' ? s.toUpperCase(Locale.ROOT) : s;
    }
}
