package org.knut.monitor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.core.testing.Await;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.events.UpsdEventStream;
import org.knut.monitor.notify.Notifier;
import org.knut.monitor.shutdown.PowerdownFlag;

import com.sun.net.httpserver.HttpServer;

/**
 * The monitor following upsd's event stream: a tiny SSE server plays upsd's {@code /api/v1/events}; the
 * engine polls every hour only, so each poll seen after the first comes from an event.
 */
class EventTriggeredPollTest {
    HttpServer server;
    /** Text the test wants sent on the newest stream; CLOSE ends it. */
    final BlockingDeque<String> outgoing = new LinkedBlockingDeque<>();
    final AtomicInteger connections = new AtomicInteger();
    /** The Last-Event-ID header of each connection, "" for none. */
    final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    volatile boolean over;
    final FakeLink link = new FakeLink().status("OL");
    Recorder rec;
    Upsmon upsmon;
    Thread engine;
    UpsdEventStream events;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/api/v1/events", exchange -> {
            String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
            lastEventIds.add(lastEventId == null ? "" : lastEventId);
            int me = connections.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(": hello\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                while (true) {
                    String text = outgoing.poll(50, TimeUnit.MILLISECONDS);
                    if (me != connections.get() || over) {
                        if (text != null) {
                            outgoing.putFirst(text); // for the client's newer connection, not this dead one
                        }
                        return;
                    }
                    if ("CLOSE".equals(text)) {
                        return;
                    }
                    if (text == null) {
                        continue;
                    }
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (InterruptedException | IOException e) {
                // the test is over or the client left
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();

        UpsmonConf conf = UpsmonConf.parse("upsmon.conf", "MONITOR demo@127.0.0.1 1 mon pass secondary\nPOLLFREQ 3600\nPOLLFREQALERT 3600\n");
        rec = new Recorder(TimeSource.SYSTEM);
        Notifier notifier = new Notifier(conf.notifications(), Map.of());
        notifier.addListener(rec);
        upsmon = new Upsmon(MonitorSettings.of(conf), m -> link, notifier, rec, new PowerdownFlag(null), rec, TimeSource.SYSTEM);
        engine = new Thread(upsmon::run, "test-upsmon");
        engine.start();
        Await.until("the first poll", Duration.ofSeconds(10), () -> link.statusReads.get() == 1);
        events = new UpsdEventStream(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/events"), Set.of("demo"),
                upsmon.pollRequests()::request);
        events.start();
        Await.until("the event stream to connect", Duration.ofSeconds(10), () -> connections.get() == 1);
    }

    @AfterEach
    void stop() throws Exception {
        events.close();
        upsmon.stop();
        engine.interrupt();
        engine.join(10_000);
        over = true;
        server.stop(0);
    }

    @Test
    void anEventNamingTheUpsPollsItAtOnce() {
        link.status("OB DISCHRG");
        outgoing.add("event: status\ndata: {\"ups\":\"other\",\"status\":\"OB\"}\n\n");
        outgoing.add("event: status\ndata: {\"ups\":\"demo\",\"status\":\"OB DISCHRG\"}\n\n");
        Await.until("ONBATT from the event-triggered poll", Duration.ofSeconds(10), () -> rec.types().contains(NotifyType.ONBATT));
        assertEquals(2, link.statusReads.get(), "one poll for demo's event, none for the other UPS's");

        // comments, events without JSON and a multi-line data event do no harm; the next event still polls
        outgoing.add(": keep-alive\n\nevent: driver\ndata: not json\n\nevent: fsd\ndata: {\"ups\":\n data: \"demo\"}\n\n");
        outgoing.add("event: stale\ndata: {\"ups\":\"demo\"}\n\n");
        Await.until("the poll of the stale event", Duration.ofSeconds(10), () -> link.statusReads.get() >= 3);
    }

    @Test
    void reconnectsAfterTheStreamEndsOrAnOverlongLineAndPollsWhatItMayHaveMissed() {
        outgoing.add("CLOSE");
        Await.until("a new connection", Duration.ofSeconds(10), () -> connections.get() == 2);
        Await.until("a catch-up poll after reconnecting", Duration.ofSeconds(10), () -> link.statusReads.get() == 2);

        outgoing.add("data: " + "x".repeat(64 * 1024) + "\n\n");
        Await.until("a connection after the overlong line", Duration.ofSeconds(10), () -> connections.get() == 3);
        link.status("OB LB");
        outgoing.add("event: status\ndata: {\"ups\":\"demo\"}\n\n");
        Await.until("LOWBATT through the new stream", Duration.ofSeconds(10), () -> rec.types().contains(NotifyType.LOWBATT));
        assertTrue(engine.isAlive());
    }

    @Test
    void resumesWithTheLastEventIdAndPollsEverythingOnlyOnResync() {
        outgoing.add("id: e1-7\nevent: status\ndata: {\"ups\":\"other\"}\n\n: no id here\n\n");
        outgoing.add("CLOSE");
        Await.until("a new connection", Duration.ofSeconds(10), () -> connections.get() == 2);
        assertEquals(List.of("", "e1-7"), lastEventIds, "the last id seen goes back as Last-Event-ID");
        outgoing.add("id: e1-8\nevent: status\ndata: {\"ups\":\"demo\"}\n\n");
        Await.until("the replayed event's poll", Duration.ofSeconds(10), () -> link.statusReads.get() == 2);
        assertEquals(2, link.statusReads.get(), "upsd replays what was missed: no catch-up poll of its own");

        outgoing.add("CLOSE");
        Await.until("a third connection", Duration.ofSeconds(10), () -> connections.get() == 3);
        assertEquals("e1-8", lastEventIds.get(2));
        outgoing.add("id: e2-0\nevent: resync\ndata: {\"lastEventId\":\"e1-8\"}\n\n");
        Await.until("a poll of every UPS on resync", Duration.ofSeconds(10), () -> link.statusReads.get() == 3);
    }
}
