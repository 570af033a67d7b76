package org.knut.admin.upsd;

import java.util.List;

import org.knut.core.model.Range;

/**
 * A variable upsd lets users with SET change, with what a new value must satisfy.
 *
 * @param string    a string variable (otherwise a number)
 * @param maxLength for strings, the longest value the driver takes; null when unknown
 * @param enums     the only values allowed, empty when any is
 * @param ranges    the intervals a number must lie in, empty when any is
 */
public record Writable(String name, String value, String description, boolean string, Integer maxLength,
        List<String> enums, List<Range> ranges) {
    public Writable {
        enums = List.copyOf(enums);
        ranges = List.copyOf(ranges);
    }
}
