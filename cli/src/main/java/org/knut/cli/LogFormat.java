package org.knut.cli;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * upslog's format string, compiled once as NUT's compile_format() does: {@code %%} is a percent sign;
 * {@code %NAME arg%} is an escape whose NAME is matched by prefix, ignoring case, against HOST, UPSHOST,
 * PID, TIME, VAR and ETIME in that order; an unknown escape, and a {@code %} without its closing one,
 * print {@code INVALID}. In {@code %TIME fmt%} the fmt is strftime's with {@code @} for {@code %}.
 */
final class LogFormat {
    /** What a line is made of for one monitored UPS. */
    interface Source {
        /** The variable's value, or null when upsd does not give it. */
        String var(String name);

        /** The UPS as given on the command line, for %UPSHOST%. */
        String upsHost();
    }

    static final String DEFAULT = "%TIME @Y@m@d @H@M@S% %VAR battery.charge% %VAR input.voltage% %VAR ups.load% "
            + "[%VAR ups.status%] %VAR ups.temperature% %VAR input.frequency%";

    private enum Escape { HOST, UPSHOST, PID, TIME, VAR, ETIME }

    private interface Part {
        void append(StringBuilder line, Source src, ZonedDateTime now);
    }

    private final List<Part> parts;

    private LogFormat(List<Part> parts) {
        this.parts = parts;
    }

    /** {@code hostname} is what %HOST% prints: the local host name. */
    static LogFormat compile(String format, String hostname) {
        List<Part> parts = new ArrayList<>();
        int n = format.length();
        int i = 0;
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                parts.add(literal(String.valueOf(c)));
                i++;
            } else if (i + 1 < n && format.charAt(i + 1) == '%') {
                parts.add(literal("%"));
                i += 2;
            } else {
                int end = format.indexOf('%', i + 1);
                if (end < 0) {
                    parts.add(literal("INVALID")); // the rest of the format is then read as text
                    i++;
                    continue;
                }
                String cmd = format.substring(i + 1, end);
                int space = cmd.indexOf(' ');
                String name = space < 0 ? cmd : cmd.substring(0, space);
                String arg = space < 0 ? null : cmd.substring(space + 1);
                parts.add(escape(name, arg, hostname));
                i = end + 1;
            }
        }
        return new LogFormat(List.copyOf(parts));
    }

    private static Part escape(String name, String arg, String hostname) {
        for (Escape e : Escape.values()) {
            if (name.regionMatches(true, 0, e.name(), 0, e.name().length())) {
                return switch (e) {
                    case HOST -> literal(hostname);
                    case UPSHOST -> (line, src, now) -> line.append(src.upsHost());
                    case PID -> literal(Long.toString(ProcessHandle.current().pid()));
                    case TIME -> timePart(arg);
                    case VAR -> varPart(arg);
                    case ETIME -> (line, src, now) -> line.append(now.toEpochSecond());
                };
            }
        }
        return literal("INVALID");
    }

    private static Part timePart(String arg) {
        String fmt = arg == null ? "" : arg.replace('@', '%');
        return (line, src, now) -> line.append(Strftime.format(fmt, now));
    }

    /** Old-style names without a dot are no longer supported by NUT: INVALID, as is a missing name. */
    private static Part varPart(String arg) {
        if (arg == null || arg.isEmpty() || arg.indexOf('.') < 0) {
            return literal("INVALID");
        }
        return (line, src, now) -> {
            String v = src.var(arg);
            line.append(v == null ? "NA" : v);
        };
    }

    private static Part literal(String text) {
        return (line, src, now) -> line.append(text);
    }

    /** One log line (without newline) for {@code src} at {@code now}. */
    String line(Source src, ZonedDateTime now) {
        StringBuilder line = new StringBuilder();
        for (Part p : parts) {
            p.append(line, src, now);
        }
        return line.toString();
    }
}
