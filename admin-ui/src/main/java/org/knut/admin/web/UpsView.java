package org.knut.admin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.knut.admin.fleet.Condition;
import org.knut.admin.fleet.MonitoredUps;
import org.knut.admin.fleet.Reading;

/** What a page shows of a UPS's latest reading: its name, condition, status words, gauges. */
public record UpsView(String system, String path, String name, String description, String upsd, Condition condition,
        String conditionText, List<StatusFlag> flags, String error, String message, String updated, String updatedIso,
        List<Gauge> gauges) {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static UpsView of(MonitoredUps u, ZoneId zone) {
        Reading r = u.latest();
        Condition c = r == null ? Condition.WAITING : r.condition();
        String text = switch (c) {
            case STALE -> c.label() + ": " + r.error();
            case OTHER -> r.status() == null ? "No status" : r.status();
            default -> c.label();
        };
        return new UpsView(u.system(), path(u.system()), u.name(), u.description(), u.upsd().address(), c, text,
                r == null ? List.of() : StatusFlag.of(r.flags()), r == null ? null : r.error(),
                r == null ? null : r.message(), r == null ? "" : TIME.format(r.time().atZone(zone)),
                r == null ? "" : r.time().toString(), Gauge.of(r));
    }

    /** The UPS as one URL path segment: {@code demo%40localhost%3A3493}. */
    public static String path(String system) {
        return URLEncoder.encode(system, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
