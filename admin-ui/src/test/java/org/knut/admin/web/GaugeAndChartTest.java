package org.knut.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knut.admin.fleet.History;
import org.knut.admin.fleet.Metric;
import org.knut.admin.fleet.Reading;

class GaugeAndChartTest {
    private static Reading reading(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Reading.of(Instant.EPOCH, m);
    }

    @Test
    void gaugesScaleAndColourAsUpsimage() {
        assertEquals(new Gauge(Metric.CHARGE, "Battery charge", "15", "%", 15, "0", "100", "crit"),
                Gauge.of(reading("battery.charge", "15"), Metric.CHARGE), "at or below the default low of 20 %");
        assertEquals("warn", Gauge.of(reading("battery.charge", "15", "battery.charge.low", "10"), Metric.CHARGE).css());
        assertEquals("ok", Gauge.of(reading("battery.charge", "97"), Metric.CHARGE).css());
        Gauge load = Gauge.of(reading("ups.load", "112"), Metric.LOAD);
        assertEquals("120", load.max(), "an overload widens the scale");
        assertEquals(93, load.percent());
        assertEquals("crit", load.css());
        Gauge runtime = Gauge.of(reading("battery.runtime", "5400"), Metric.RUNTIME);
        assertEquals("90", runtime.value());
        assertEquals("90", runtime.max());
        Gauge volts = Gauge.of(reading("input.voltage", "198", "input.voltage.nominal", "230", "input.transfer.low", "200"),
                Metric.INPUT_VOLTAGE);
        assertEquals("184", volts.min());
        assertEquals("276", volts.max());
        assertEquals("crit", volts.css(), "below the transfer point");
        assertEquals("ok", Gauge.of(reading("input.voltage", "119"), Metric.INPUT_VOLTAGE).css(), "120 V nominal guessed");
        assertNull(Gauge.of(reading("ups.status", "OL"), Metric.LOAD));
        assertEquals(List.of(), Gauge.of(null));
    }

    @Test
    void chartsBreakTheLineWhereSamplesAreMissing() {
        History h = new History(10);
        h.add(Reading.of(Instant.ofEpochSecond(0), Map.of("ups.load", "0")));
        h.add(Reading.of(Instant.ofEpochSecond(10), Map.of("ups.load", "50")));
        h.add(Reading.of(Instant.ofEpochSecond(20), Map.of("ups.status", "OB")));
        h.add(Reading.of(Instant.ofEpochSecond(30), Map.of("ups.load", "100")));
        Chart c = Chart.of(h, Metric.LOAD, ZoneOffset.UTC);
        assertEquals(List.of("0,150 200,75", "600,0 600,0"), c.lines());
        assertEquals("0", c.low());
        assertEquals("100", c.high());
        assertEquals("00:00:00", c.from());
        assertEquals("00:00:30", c.to());
        assertEquals("100", c.latest());
        assertTrue(Chart.of(h, Metric.RUNTIME, ZoneOffset.UTC).empty());
    }

    @Test
    void loginNeverRedirectsElsewhere() {
        assertEquals("/ups/x/settings", LoginPages.safe("/ups/x/settings"));
        for (String evil : new String[] { null, "", "//evil.example", "https://evil.example", "/\\evil", "evil" }) {
            assertEquals("/", LoginPages.safe(evil), String.valueOf(evil));
        }
    }
}
