package org.knut.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ServerSentEventsTest {
    private static ServerSentEvents of(String text) {
        return new ServerSentEvents(new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20));
    }

    @Test
    void namesJoinsDataAndSkipsCommentsAndEmptyEvents() throws IOException {
        ServerSentEvents e = of(": keepalive\n\nid: 7\nevent: status\ndata: {\"ups\":\ndata:\"demo\"}\n\nevent: lonely\n\ndata: x\n\n");
        assertEquals(new ServerSentEvents.Event("status", "{\"ups\":\n\"demo\"}"), e.next());
        assertEquals("7", e.lastEventId());
        assertEquals(new ServerSentEvents.Event("message", "x"), e.next(), "no data: skipped; no name: message");
        assertEquals("7", e.lastEventId(), "an event without id keeps the last one, as browsers do");
        assertNull(e.next());
    }

    @Test
    void anEventOverTheBoundIsSkipped() throws IOException {
        String big = "a".repeat(ServerSentEvents.MAX_EVENT / 2);
        ServerSentEvents e = of("data: " + big + "\ndata: " + big + "\ndata: " + big + "\n\ndata: next\n\n");
        assertEquals(new ServerSentEvents.Event("message", "next"), e.next());
    }
}
