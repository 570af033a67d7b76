package org.knut.admin.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knut.admin.upsd.UpsdException;
import org.knut.core.client.UpsId;
import org.knut.core.config.HostsConf;

class HistoryTest {
    private static Reading reading(int second, String charge) {
        return Reading.of(Instant.ofEpochSecond(second), Map.of("battery.charge", charge, "battery.runtime", "600"));
    }

    @Test
    void keepsTheNewestSamplesOldestFirst() {
        History h = new History(3);
        for (int i = 1; i <= 5; i++) {
            h.add(reading(i, Integer.toString(i * 10)));
        }
        List<History.Sample> s = h.samples();
        assertEquals(List.of(3L, 4L, 5L), s.stream().map(x -> x.time().getEpochSecond()).toList());
        assertEquals(List.of(30.0, 40.0, 50.0), s.stream().map(x -> x.value(Metric.CHARGE)).toList());
        assertEquals(10.0, s.get(0).value(Metric.RUNTIME), "runtime in minutes");
        assertTrue(Double.isNaN(s.get(0).value(Metric.LOAD)), "a metric the UPS does not report");
        assertThrows(IllegalArgumentException.class, () -> new History(1));
    }

    @Test
    void statusChangesBecomeEventsAndSamples() {
        MonitoredUps u = new MonitoredUps(new HostsConf.Monitor("u@h", UpsId.parse("u@h"), "test", 1), null, 10, 50);
        int[] second = { 0 };
        java.util.function.BiConsumer<String, String> read = (status, test) -> u.accept(Reading.of(
                Instant.ofEpochSecond(++second[0]), Map.of("ups.status", status, "ups.test.result", test, "battery.charge", "90")));
        read.accept("OL CHRG", "No test initiated");
        read.accept("OB DISCHRG", "No test initiated");
        read.accept("OB DISCHRG LB", "No test initiated");
        assertTrue(u.accept(Reading.failed(Instant.ofEpochSecond(++second[0]), new UpsdException("DATA-STALE", "stale"))));
        read.accept("OL CHRG", "Done and passed"); // while the data was lost, the power came back and a test ran
        List<String> texts = new ArrayList<>(u.events().entries().stream().map(EventLog.Entry::text).toList());
        Collections.reverse(texts);
        assertEquals(List.of("Monitoring started: status OL CHRG", "Power failure: on battery", "Battery low",
                "Data lost: DATA-STALE", "Data back: status OL CHRG", "Power back: no longer on battery", "On line power",
                "Battery no longer low", "Self-test: Done and passed"), texts);
        assertEquals(4, u.history().samples().size(), "a sample per reading with data");
        assertEquals(Condition.ONLINE, u.latest().condition());
    }
}
