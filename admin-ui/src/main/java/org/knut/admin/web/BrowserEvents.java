package org.knut.admin.web;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.knut.admin.fleet.Fleet;
import org.knut.admin.fleet.MonitoredUps;
import org.knut.admin.fleet.Reading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * {@code GET /events}: the pages' live updates, one Server-Sent Event {@code ups} per change of what a
 * UPS shows ({@code {"ups": system, "condition": ..., "status": ...}}); the page's script then fetches
 * the UPS's server-rendered fragment. A browser more than {@value #MAX_BACKLOG} events behind is cut off
 * (EventSource reconnects by itself).
 */
@Path("/events")
public class BrowserEvents {
    static final int MAX_BACKLOG = 256;
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(BrowserEvents.class);

    @Inject
    Fleet fleet;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        Multi<OutboundSseEvent> changes = Multi.createFrom().<MonitoredUps>emitter(em -> {
            AutoCloseable subscription = fleet.subscribe(em::emit);
            em.onTermination(() -> {
                try {
                    subscription.close();
                } catch (Exception e) {
                    LOG.debugf(e, "closing a browser's subscription");
                }
            });
        }, BackPressureStrategy.ERROR).onOverflow().buffer(MAX_BACKLOG).map(u -> event(sse, u));
        Multi<OutboundSseEvent> keepalive = Multi.createFrom().ticks().every(KEEPALIVE).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keepalive").build());
        return Multi.createBy().merging().streams(changes, keepalive);
    }

    private OutboundSseEvent event(Sse sse, MonitoredUps u) {
        Reading r = u.latest();
        ObjectNode data = json.createObjectNode().put("ups", u.system());
        if (r != null) {
            data.put("condition", r.condition().name()).put("status", r.status()).put("error", r.error())
                    .put("time", r.time().toString());
        }
        return sse.newEventBuilder().name("ups").mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, data.toString())
                .build();
    }
}
