package org.knut.monitor.events;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.protocol.ServerSentEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Follows upsd's event stream ({@code GET /api/v1/events}, Server-Sent Events whose JSON data names the
 * UPS: {@code {"ups":"demo",...}}) and asks for an immediate poll of every monitored UPS an event names,
 * so a power event is acted on at once instead of at the next POLLFREQ; the regular polls stay the
 * safety net. The connection is re-opened with a growing delay when it fails or ends, and dropped when
 * it has been silent for {@link #IDLE_LIMIT}. A reconnection sends the last event id seen as
 * {@code Last-Event-ID}, so upsd replays what was missed; when it cannot (a {@code resync} event: the
 * events are gone, or another replica answers) or there is no id yet, every UPS is polled instead.
 */
public final class UpsdEventStream implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UpsdEventStream.class);
    static final int MAX_LINE = 16 * 1024;
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    /** A stream silent this long is taken as dead (no keep-alive is required of the server). */
    static final Duration IDLE_LIMIT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** upsd's event in place of missed events it no longer has. */
    static final String RESYNC = "resync";

    private final URI uri;
    private final Set<String> upses;
    private final Consumer<String> pollNow;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upsd-events-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Thread thread;
    private volatile boolean closed;
    private volatile InputStream current;
    private volatile String lastEventId;

    /** {@code upses}: the upsd names of the monitored UPSes; {@code pollNow} is called with one of them. */
    public UpsdEventStream(URI uri, Set<String> upses, Consumer<String> pollNow) {
        this.uri = uri;
        this.upses = Set.copyOf(upses);
        this.pollNow = pollNow;
        this.thread = new Thread(this::follow, "upsd-events");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void follow() {
        Duration delay = FIRST_RETRY;
        boolean reconnect = false;
        while (!closed) {
            try {
                if (connect(reconnect)) {
                    delay = FIRST_RETRY;
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.infof("upsd event stream %s: %s; reconnecting in %d ms", uri, e.getMessage(), delay.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            }
            reconnect = true;
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            delay = delay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay.multipliedBy(2);
        }
    }

    /** One connection, read until it ends; true when the server accepted it. */
    private boolean connect(boolean reconnect) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10));
        String resumeAfter = lastEventId;
        if (resumeAfter != null) {
            b.header("Last-Event-ID", resumeAfter);
        }
        HttpRequest req = b.GET().build();
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = resp.body()) {
            if (resp.statusCode() != 200) {
                throw new IOException("HTTP " + resp.statusCode());
            }
            current = in;
            LOG.infof("following upsd events at %s", uri);
            if (reconnect && resumeAfter == null) {
                upses.forEach(pollNow); // what happened while disconnected is only known by polling
            }
            ServerSentEvents events = new ServerSentEvents(new BoundedLineReader(new WatchedStream(in), MAX_LINE));
            ServerSentEvents.Event e;
            while (!closed && (e = events.next()) != null) {
                if (events.lastEventId() != null) {
                    lastEventId = events.lastEventId();
                }
                dispatch(e);
            }
            if (!closed) {
                LOG.infof("upsd event stream %s ended; reconnecting", uri);
            }
            return true;
        } finally {
            current = null;
        }
    }

    private void dispatch(ServerSentEvents.Event e) {
        if (RESYNC.equals(e.name())) {
            LOG.infof("upsd event stream %s: missed events cannot be replayed; polling every UPS", uri);
            upses.forEach(pollNow);
            return;
        }
        String ups;
        try {
            JsonNode node = JSON.readTree(e.data());
            ups = node == null || !node.path("ups").isTextual() ? null : node.path("ups").asText();
        } catch (IOException ex) {
            LOG.debugf("upsd event %s without JSON data: %s", e.name(), ex.getMessage());
            return;
        }
        if (ups != null && upses.contains(ups)) {
            LOG.debugf("upsd event %s for UPS %s: polling it now", e.name(), ups);
            pollNow.accept(ups);
        }
    }

    /** Closes the stream when no byte has come for {@link #IDLE_LIMIT}, which ends a blocked read. */
    private final class WatchedStream extends java.io.FilterInputStream {
        private ScheduledFuture<?> timer;

        WatchedStream(InputStream in) {
            super(in);
            arm();
        }

        private void arm() {
            if (timer != null) {
                timer.cancel(false);
            }
            timer = watchdog.schedule(() -> {
                LOG.debugf("upsd event stream %s silent for %s: reconnecting", uri, IDLE_LIMIT);
                closeQuietly(in);
            }, IDLE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            arm();
            return n;
        }

        @Override
        public void close() throws IOException {
            timer.cancel(false);
            super.close();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing to unblock a read; nothing to report
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        InputStream in = current;
        if (in != null) {
            closeQuietly(in);
        }
        watchdog.shutdownNow();
    }
}
