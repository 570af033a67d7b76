package org.knut.admin.web;

import java.util.List;
import java.util.stream.Collectors;

import org.knut.admin.upsd.Writable;
import org.knut.core.model.Range;

/**
 * A writable variable as a form field: a select for an enumeration, a number input with min and max for
 * ranges (several ranges: the outer bounds, each range listed in the help), a text input with maxlength
 * for strings, a plain number input otherwise.
 */
public record WritableView(String name, String value, String description, String input, List<String> enums,
        String min, String max, String ranges, Integer maxLength) {

    public String id() {
        return "var-" + name.replace('.', '-');
    }

    static WritableView of(Writable w) {
        if (!w.enums().isEmpty()) {
            return new WritableView(w.name(), w.value(), w.description(), "select", w.enums(), null, null, null, null);
        }
        if (!w.ranges().isEmpty()) {
            String min = w.ranges().stream().map(Range::min).min(WritableView::compare).orElseThrow();
            String max = w.ranges().stream().map(Range::max).max(WritableView::compare).orElseThrow();
            String ranges = w.ranges().stream().map(r -> r.min() + "–" + r.max()).collect(Collectors.joining(", "));
            return new WritableView(w.name(), w.value(), w.description(), "number", List.of(), min, max, ranges, null);
        }
        return new WritableView(w.name(), w.value(), w.description(), w.string() ? "text" : "number", List.of(), null,
                null, null, w.string() ? w.maxLength() : null);
    }

    private static int compare(String a, String b) {
        return Double.compare(parse(a), parse(b));
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
