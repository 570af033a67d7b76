package org.knut.upsd.events;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a served UPS, as REST subscribers see it.
 *
 * @param id     increasing per upsd instance (the SSE event id)
 * @param type   {@code status}, {@code fsd}, {@code driver} or {@code stale}
 * @param ups    the UPS's name
 * @param time   when upsd noticed it
 * @param detail the type's fields: status/previous; connected; stale
 */
public record UpsEvent(long id, String type, String ups, Instant time, Map<String, Object> detail) {
    public static final String STATUS = "status";
    public static final String FSD = "fsd";
    public static final String DRIVER = "driver";
    public static final String STALE = "stale";

    public UpsEvent {
        detail = Map.copyOf(detail);
    }
}
