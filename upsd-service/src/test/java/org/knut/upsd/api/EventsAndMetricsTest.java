package org.knut.upsd.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knut.core.model.Variable;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.knut.core.testing.FakeDriver;
import org.knut.upsd.testing.SseSubscriber;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Live events, health and metrics follow what the driver publishes: status changes, staleness and a
 * lost driver reach SSE subscribers and readiness; /q/metrics, read by the Prometheus project's own
 * text-format parser, carries nut_exporter's names, labels and the driver's values.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeDriverResource.class, restrictToAnnotatedClass = true)
class EventsAndMetricsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Debian's python3-prometheus-client: reads the exposition text as Prometheus does; prints JSON samples. */
    private static final String PARSER = """
            import sys, json, math
            from prometheus_client.parser import text_string_to_metric_families
            out = []
            for f in text_string_to_metric_families(sys.stdin.read()):
                for s in f.samples:
                    if math.isfinite(s.value):
                        out.append({"name": s.name, "labels": s.labels, "value": s.value, "help": f.documentation})
            print(json.dumps(out))
            """;

    @TestHTTPResource("/")
    URL base;

    record Sample(String name, Map<String, String> labels, double value, String help) {
    }

    @Test
    void statusStaleAndDriverChangesReachSubscribersAndReadiness() throws Exception {
        Await.until("ready", WAIT, () -> given().get("/q/health/ready").statusCode() == 200);
        try (SseSubscriber sse = new SseSubscriber(URI.create(base + "api/v1/events?ups=demo"))) {
            assertEquals(200, sse.status(WAIT));
            SseSubscriber.Event first = sse.next("snapshot", WAIT, e -> "status".equals(e.name()));
            assertEquals(true, first.data().get("snapshot"));
            assertEquals("OL CHRG", first.data().get("status"));

            FakeDriverResource.state.setInfo("ups.status", "OB DISCHRG");
            SseSubscriber.Event change = sse.next("power failure", WAIT, e -> "status".equals(e.name()));
            assertEquals("OB DISCHRG", change.data().get("status"));
            assertEquals("OL CHRG", change.data().get("previous"));
            assertEquals("demo", change.data().get("ups"));

            FakeDriverResource.state.setInfo("battery.charge", "96");
            FakeDriverResource.state.setInfo("ups.status", "OB DISCHRG LB");
            assertEquals("OB DISCHRG LB", sse.next("low battery", WAIT, e -> "status".equals(e.name())).data().get("status"));

            FakeDriverResource.state.setDataOk(false);
            assertEquals(true, sse.next("stale", WAIT, e -> "stale".equals(e.name())).data().get("stale"));
            Await.until("not ready while stale", WAIT, () -> given().get("/q/health/ready").statusCode() == 503);
            given().get("/api/v1/ups/demo").then().statusCode(503).body("error", org.hamcrest.Matchers.equalTo("DATA-STALE"));
            FakeDriverResource.state.setDataOk(true);
            assertEquals(false, sse.next("fresh again", WAIT, e -> "stale".equals(e.name())).data().get("stale"));
            Await.until("ready again", WAIT, () -> given().get("/q/health/ready").statusCode() == 200);

            FakeDriverResource.driver.close();
            assertEquals(false, sse.next("driver lost", WAIT, e -> "driver".equals(e.name())).data().get("connected"));
            Await.until("not ready without a driver", WAIT, () -> given().get("/q/health/ready").statusCode() == 503);
            FakeDriverResource.driver = new FakeDriver(FakeDriverResource.socket, FakeDriverResource.state);
            assertEquals(true, sse.next("driver back", WAIT, e -> "driver".equals(e.name())).data().get("connected"));
            Await.until("ready with the driver back", WAIT, () -> given().get("/q/health/ready").statusCode() == 200);
        } finally {
            FakeDriverResource.state.setInfo("ups.status", "OL CHRG");
        }
    }

    @Test
    void aSubscriberResumesAfterItsLastEventIdOrIsToldToResync() throws Exception {
        Await.until("ready", WAIT, () -> given().get("/q/health/ready").statusCode() == 200);
        String lastSeen;
        try (SseSubscriber sse = new SseSubscriber(URI.create(base + "api/v1/events?ups=demo"))) {
            assertEquals(200, sse.status(WAIT));
            assertEquals(true, sse.next("snapshot", WAIT, e -> "status".equals(e.name())).data().get("snapshot"));
            FakeDriverResource.state.setInfo("ups.status", "OB DISCHRG");
            lastSeen = sse.next("power failure", WAIT, e -> "OB DISCHRG".equals(e.data().get("status"))).id();
        }
        try {
            // missed while away: back on line, then on battery again
            FakeDriverResource.state.setInfo("ups.status", "OL CHRG");
            FakeDriverResource.state.setInfo("ups.status", "OB DISCHRG");
            Await.until("upsd to see the second cut", WAIT,
                    () -> "OB DISCHRG".equals(given().get("/api/v1/ups/demo").jsonPath().getString("status")));
            try (SseSubscriber sse = new SseSubscriber(URI.create(base + "api/v1/events?ups=demo"), lastSeen)) {
                SseSubscriber.Event first = sse.next("first replayed event", WAIT, e -> true);
                assertEquals("status", first.name());
                assertEquals(null, first.data().get("snapshot"), "replayed, not a snapshot: " + first);
                assertEquals("OL CHRG", first.data().get("status"));
                assertEquals("OB DISCHRG", sse.next("second replayed event", WAIT, e -> true).data().get("status"));
            }
            String foreign = "otherreplica-" + lastSeen.substring(lastSeen.lastIndexOf('-') + 1);
            try (SseSubscriber sse = new SseSubscriber(URI.create(base + "api/v1/events?ups=demo&lastEventId=" + foreign))) {
                SseSubscriber.Event resync = sse.next("resync", WAIT, e -> true);
                assertEquals("resync", resync.name());
                assertEquals(foreign, resync.data().get("lastEventId"));
                SseSubscriber.Event snapshot = sse.next("snapshot after resync", WAIT, e -> true);
                assertEquals(true, snapshot.data().get("snapshot"));
                assertEquals("OB DISCHRG", snapshot.data().get("status"));
            }
        } finally {
            FakeDriverResource.state.setInfo("ups.status", "OL CHRG");
        }
    }

    @Test
    void metricsCarryNutExportersNamesAndTheDriversValues() throws Exception {
        Await.until("ready", WAIT, () -> given().get("/q/health/ready").statusCode() == 200);
        List<Sample> all = parse(given().get("/q/metrics").then().statusCode(200).extract().asString());

        // every numeric variable the driver publishes, under its nut_exporter name, with a ups label
        int numeric = 0;
        for (Variable v : FakeDriverResource.state.variables()) {
            String metric = "network_ups_tools_" + v.name().replace('.', '_');
            Double expected = number(v.value());
            List<Sample> found = all.stream().filter(s -> s.name().equals(metric)).toList();
            if (v.name().equals("ups.status") || v.name().equals("ups.beeper.status")) {
                continue; // flags and a boolean word: checked below
            }
            if (expected == null) {
                assertTrue(found.isEmpty(), metric + " is not numeric: " + found);
                continue;
            }
            numeric++;
            assertEquals(1, found.size(), metric);
            assertEquals(expected, found.get(0).value(), 1e-9, metric);
            assertEquals(Map.of("ups", "demo"), found.get(0).labels(), metric);
        }
        assertTrue(numeric >= 6, "numeric variables: " + numeric);
        assertEquals(1.0, value(all, "network_ups_tools_ups_beeper_status", Map.of("ups", "demo")), "enabled reads as 1");

        assertEquals(1.0, value(all, "network_ups_tools_ups_status", Map.of("ups", "demo", "flag", "OL")));
        assertEquals(1.0, value(all, "network_ups_tools_ups_status", Map.of("ups", "demo", "flag", "CHRG")));
        assertEquals(0.0, value(all, "network_ups_tools_ups_status", Map.of("ups", "demo", "flag", "OB")));
        assertEquals(0.0, value(all, "network_ups_tools_ups_status", Map.of("ups", "demo", "flag", "FSD")));

        Sample info = all.stream().filter(s -> s.name().equals("network_ups_tools_device_info")).findFirst().orElseThrow();
        assertEquals("Knut Labs", info.labels().get("mfr"));
        assertEquals("Smart 1500", info.labels().get("model"));
        assertEquals("KL-0042", info.labels().get("serial"));
        assertEquals("ups", info.labels().get("type"));
        assertEquals("demo", info.labels().get("ups"));
        assertTrue(all.stream().anyMatch(s -> s.name().startsWith("jvm_")), "Micrometer's own metrics stay");

        // nut_exporter's per-UPS form: no ups label, variables and statuses as its query parameters
        List<Sample> one = parse(given().get("/ups_metrics?ups=demo&variables=battery.charge,ups.status&statuses=OL,LB")
                .then().statusCode(200).extract().asString());
        assertEquals(Double.parseDouble(FakeDriverResource.state.value("battery.charge")),
                value(one, "network_ups_tools_battery_charge", Map.of()));
        assertEquals(0.0, value(one, "network_ups_tools_ups_status", Map.of("flag", "LB")));
        assertFalse(one.stream().anyMatch(s -> s.name().equals("network_ups_tools_input_voltage")), "filtered out");
        assertTrue(one.stream().noneMatch(s -> s.labels().containsKey("ups")));
        given().get("/ups_metrics?ups=nope").then().statusCode(404);
        given().get("/ups_metrics").then().statusCode(200); // one UPS only: it is the default, as in nut_exporter
    }

    private static Double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError(name + labels + " missing")).value();
    }

    private static List<Sample> parse(String text) throws Exception {
        Command.Result r = Command.run(List.of("/usr/bin/python3", "-c", PARSER), text, WAIT);
        assertEquals(0, r.exitCode(), r.toString());
        List<Map<String, Object>> raw = new ObjectMapper().readValue(r.stdout(), new TypeReference<>() {
        });
        return raw.stream().map(m -> {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = new HashMap<>((Map<String, String>) m.get("labels"));
            return new Sample((String) m.get("name"), labels, ((Number) m.get("value")).doubleValue(), (String) m.get("help"));
        }).toList();
    }
}
