package org.knut.upsd.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Server-Sent Events subscriber for tests: reads {@code event:}/{@code data:} blocks from a streaming
 * HTTP response on a background thread and queues each event with its JSON data, stamped with the
 * {@link System#nanoTime} of its arrival.
 */
public final class SseSubscriber implements AutoCloseable {
    public record Event(String id, String name, Map<String, Object> data, long receivedNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public SseSubscriber(URI uri) {
        this(uri, null);
    }

    /** Subscribes with a {@code Last-Event-ID} header, unless null. */
    public SseSubscriber(URI uri, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = b.build();
        response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            String[] name = { null };
            String[] id = { null };
            StringBuilder data = new StringBuilder();
            r.body().forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new Event(id[0], name[0], parse(data.toString()), System.nanoTime()));
                    name[0] = null;
                    data.setLength(0);
                }
            });
        });
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (Exception e) {
            throw new AssertionError("event data is not JSON: " + json, e);
        }
    }

    /** The HTTP status of the stream's response. */
    public int status(Duration timeout) throws Exception {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    /** The next event matching {@code p} (earlier ones are dropped), or an AssertionError after {@code timeout}. */
    public Event next(String what, Duration timeout, Predicate<Event> p) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no event: " + what);
            }
            if (p.test(e)) {
                return e;
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
