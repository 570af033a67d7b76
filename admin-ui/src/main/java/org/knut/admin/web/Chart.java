package org.knut.admin.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.knut.admin.fleet.History;
import org.knut.admin.fleet.Metric;

/**
 * One metric's history as an SVG line chart: the samples mapped onto a {@value #WIDTH}x{@value #HEIGHT}
 * plot, one polyline per run of samples without gaps (a sample where the UPS did not report the metric,
 * or could not be read, breaks the line).
 */
public record Chart(Metric metric, List<String> lines, String low, String high, String from, String to, String latest,
        int samples) {
    public static final int WIDTH = 600;
    public static final int HEIGHT = 150;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public String label() {
        return metric.label();
    }

    public String unit() {
        return metric.unit();
    }

    public boolean empty() {
        return lines.isEmpty();
    }

    public static Chart of(History history, Metric m, ZoneId zone) {
        List<History.Sample> samples = history.samples();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (History.Sample s : samples) {
            double v = s.value(m);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new Chart(m, List.of(), "", "", "", "", "", samples.size());
        }
        if (m == Metric.CHARGE || m == Metric.LOAD) {
            lo = 0;
            hi = Math.max(100, hi);
        } else if (hi - lo < 1) { // a flat line sits in the middle of a 2-unit band
            lo -= 1;
            hi += 1;
        }
        Instant start = samples.get(0).time();
        Instant end = samples.get(samples.size() - 1).time();
        double span = Math.max(1, Duration.between(start, end).toMillis());
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (History.Sample s : samples) {
            double v = s.value(m);
            if (Double.isNaN(v)) {
                flush(lines, line);
                continue;
            }
            double x = samples.size() == 1 ? WIDTH : Duration.between(start, s.time()).toMillis() / span * WIDTH;
            double y = HEIGHT - (v - lo) / (hi - lo) * HEIGHT;
            line.append(line.length() == 0 ? "" : " ").append(Numbers.format(x)).append(',').append(Numbers.format(y));
        }
        flush(lines, line);
        double last = samples.get(samples.size() - 1).value(m);
        return new Chart(m, lines, Numbers.format(lo), Numbers.format(hi), TIME.format(start.atZone(zone)),
                TIME.format(end.atZone(zone)), Double.isNaN(last) ? "" : Numbers.format(last), samples.size());
    }

    /** A single point is drawn as a tiny line, so it stays visible. */
    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            String points = line.toString();
            lines.add(points.contains(" ") ? points : points + " " + points);
            line.setLength(0);
        }
    }
}
