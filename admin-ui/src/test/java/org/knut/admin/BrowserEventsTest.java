package org.knut.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.knut.admin.testing.AdminStack;
import org.knut.core.testing.Await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /events}, the pages' live updates: a status change of a UPS on the real NUT upsd (seen at the
 * next poll) and on the knut upsd (pushed by its own SSE) each reach a subscribed browser as an
 * {@code ups} event naming the UPS as hosts.conf does.
 */
@QuarkusTest
@QuarkusTestResource(AdminStack.class)
class BrowserEventsTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/events")
    URL events;

    @Test
    void statusChangesReachSubscribers() throws Exception {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(events.toString())).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        try {
            HttpResponse<Stream<String>> r = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            CompletableFuture.runAsync(() -> r.body().filter(l -> l.startsWith("data:")).forEach(l -> {
                try {
                    received.add(JSON.readTree(l.substring(5)));
                } catch (Exception e) {
                    received.add(JSON.createObjectNode().put("unparsable", l));
                }
            }));
            Await.until("the UI follows the knut upsd's events", WAIT, () -> AdminStack.rest.subscribers() > 0);

            // a status no other test class sets: the UI may not have polled another class's last change
            // back to OL yet, and the same status again would be no change to report
            AdminStack.rack.setInfo("ups.status", "OB");
            assertEquals("ON_BATTERY", next(received, AdminStack.rackSystem).path("condition").asText());
            long change = System.nanoTime();
            AdminStack.rest.set(AdminStack.cluster, "ups.status", "OB DISCHRG LB");
            JsonNode e = next(received, AdminStack.clusterSystem);
            System.out.printf("admin-ui: status change on the knut upsd reached /events after %d ms%n",
                    (System.nanoTime() - change) / 1_000_000);
            assertEquals("LOW_BATTERY", e.path("condition").asText());
            assertEquals("OB DISCHRG LB", e.path("status").asText());
        } finally {
            AdminStack.rack.setInfo("ups.status", "OL CHRG");
            AdminStack.rest.set(AdminStack.cluster, "ups.status", "OL");
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    /** The next event about {@code system} whose condition is not ONLINE (older events are skipped). */
    private static JsonNode next(BlockingQueue<JsonNode> q, String system) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode e = q.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && system.equals(e.path("ups").asText()) && !"ONLINE".equals(e.path("condition").asText())) {
                return e;
            }
        }
        throw new AssertionError("no event about " + system);
    }
}
