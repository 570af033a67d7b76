package org.knut.admin.upsd;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.protocol.ServerSentEvents;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Follows a knut upsd's {@code GET /api/v1/events} (Server-Sent Events) on a thread of its own and hands
 * the name of the UPS each event is about to a listener, so that the UI rereads it at once instead of at
 * the next poll. After a lost stream it reconnects with {@code Last-Event-ID}, so upsd replays what was
 * missed (or, when it cannot, sends a resync and a snapshot of every UPS again).
 * Reads are bounded: a line by {@value #MAX_LINE} bytes, an event by ServerSentEvents' bound, silence by
 * {@link #SILENCE} (upsd sends a keep-alive comment every 15 s).
 */
public final class RestEvents implements AutoCloseable {
    static final int MAX_LINE = 64 * 1024;
    static final Duration SILENCE = Duration.ofSeconds(45);
    private static final Logger LOG = Logger.getLogger(RestEvents.class);

    private final URI uri;
    private final Duration retry;
    private final Consumer<String> listener;
    private final ObjectMapper json;
    private final Thread thread;
    private volatile boolean closed;
    private String lastEventId; // the reading thread's only

    /** Starts following the events of the upsd whose REST API is at {@code base}. */
    public RestEvents(URI base, Duration retry, ObjectMapper json, Consumer<String> listener) {
        this.uri = URI.create(base.toString().replaceAll("/*$", "") + "/api/v1/events");
        this.retry = retry;
        this.json = json;
        this.listener = listener;
        this.thread = new Thread(this::run, "knut-admin-events " + base);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                follow();
            } catch (IOException e) {
                if (!closed) {
                    LOG.debugf("events of %s: %s; reconnecting", uri, e.getMessage());
                }
            }
            pause();
        }
    }

    private void follow() throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        try {
            c.setConnectTimeout((int) retry.toMillis() * 5);
            c.setReadTimeout((int) SILENCE.toMillis());
            c.setRequestProperty("Accept", "text/event-stream");
            if (lastEventId != null) {
                c.setRequestProperty("Last-Event-ID", lastEventId);
            }
            if (c.getResponseCode() != 200) {
                throw new IOException("HTTP " + c.getResponseCode());
            }
            try (InputStream in = c.getInputStream()) {
                ServerSentEvents events = new ServerSentEvents(new BoundedLineReader(in, MAX_LINE));
                ServerSentEvents.Event e;
                while (!closed && (e = events.next()) != null) {
                    if (events.lastEventId() != null) {
                        lastEventId = events.lastEventId();
                    }
                    dispatch(e.data());
                }
            }
        } finally {
            c.disconnect();
        }
    }

    /** Every event of upsd names its UPS in the JSON data's {@code ups} field. */
    private void dispatch(String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            String ups = json.readTree(text).path("ups").asText("");
            if (!ups.isEmpty()) {
                listener.accept(ups);
            }
        } catch (IOException e) {
            LOG.debugf("events of %s: data is not JSON: %s", uri, text);
        } catch (RuntimeException e) {
            LOG.warnf(e, "events of %s: listener failed", uri);
        }
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /**
     * Stops following. It does not wait for the reading thread: HttpURLConnection's disconnect() would
     * block until the pending read returns (up to upsd's 15 s keep-alive), and stalled Quarkus's shutdown
     * by that long. The daemon thread sees {@code closed} after its next line and lets the stream go.
     */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
