package org.knut.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.protocol.ServerSentEvents;

/**
 * Follows upsd's {@code /api/v1/events} as a resuming client should: whenever the stream ends or fails
 * it reconnects with the last event id as {@code Last-Event-ID}, and keeps every event received.
 */
final class EventFollower implements AutoCloseable {
    /** One event as received, with the id it came with. */
    record Received(String id, String name, String data) {
        boolean snapshot() {
            return data.contains("\"snapshot\":true");
        }

        /** The value of a string field of the JSON data, or null. */
        String field(String key) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(data);
            return m.find() ? m.group(1) : null;
        }
    }

    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Received> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;
    private volatile String lastEventId;
    private volatile InputStream current;
    private volatile boolean closed;

    EventFollower(URI uri) {
        this.uri = uri;
        thread = new Thread(this::follow, "event-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (!closed) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    current = in;
                    if (r.statusCode() == 200) {
                        connections.incrementAndGet();
                        read(new ServerSentEvents(new BoundedLineReader(in, 64 * 1024)));
                    }
                }
                Thread.sleep(200);
            } catch (IOException e) {
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(ServerSentEvents sse) throws IOException {
        ServerSentEvents.Event e;
        while (!closed && (e = sse.next()) != null) {
            lastEventId = sse.lastEventId();
            events.add(new Received(sse.lastEventId(), e.name(), e.data()));
        }
    }

    private void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Received> events() {
        return List.copyOf(events);
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // closing to end the read
            }
        }
    }
}
