package org.knut.upsd.api;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.knut.upsd.Upsd;
import org.knut.upsd.UpsdService;
import org.knut.upsd.events.EventPosition;
import org.knut.upsd.events.UpsEvent;
import org.knut.upsd.events.UpsEvents;
import org.knut.upsd.state.ServedUps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * {@code GET /api/v1/events}: Server-Sent Events for status changes, FSD, driver up/down and staleness.
 * A subscriber first gets the current status of each UPS ({@code "snapshot": true}), then every change
 * as it happens; a comment every 15 s keeps idle connections open through proxies. A subscriber that
 * falls more than {@value #MAX_BACKLOG} events behind is disconnected (it reconnects and resumes)
 * rather than letting upsd buffer without bound.
 * <p>
 * Every event carries an {@code id:} ({@link EventPosition}); a subscriber that reconnects with
 * {@code Last-Event-ID} gets the events it missed from upsd's bounded history instead of a snapshot,
 * or, when they are gone or the id is another instance's, a {@value #RESYNC} event and a new snapshot.
 */
@Path("/api/v1/events")
@Tag(name = "UPS")
public class EventsResource {
    static final int MAX_BACKLOG = 1024;
    /** Sent instead of the missed events when they cannot be replayed; a snapshot follows. */
    static final String RESYNC = "resync";
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(EventsResource.class);

    @Inject
    UpsdService service;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live UPS events (status, fsd, driver, stale) as Server-Sent Events; ?ups=NAME filters; "
            + "Last-Event-ID (or ?lastEventId=) resumes after that event")
    public Multi<OutboundSseEvent> events(@QueryParam("ups") List<String> ups, @HeaderParam("Last-Event-ID") String lastEventHeader,
            @QueryParam("lastEventId") String lastEventQuery, @Context Sse sse) {
        Upsd upsd = service.running().orElseThrow(ApiException::starting);
        Predicate<String> wanted = ups == null || ups.isEmpty() ? name -> true
                : name -> ups.stream().anyMatch(name::equalsIgnoreCase);
        String lastEventId = lastEventHeader != null ? lastEventHeader : lastEventQuery;
        Multi<OutboundSseEvent> live = Multi.createFrom().<Outgoing>emitter(em -> {
            AutoCloseable subscription = upsd.events().resume(EventPosition.parse(lastEventId).orElse(null), e -> {
                if (wanted.test(e.ups())) {
                    em.emit(new Outgoing(e, upsd.events().position(e.id())));
                }
            }, reached -> {
                // the missed events are gone (or there is no position): say so, then the current state
                if (lastEventId != null) {
                    em.emit(new Outgoing(resync(lastEventId), reached));
                }
                for (ServedUps u : upsd.registry().all()) {
                    if (wanted.test(u.name())) {
                        em.emit(new Outgoing(snapshot(u), reached));
                    }
                }
            });
            em.onTermination(() -> close(subscription));
        }, BackPressureStrategy.ERROR).onOverflow().buffer(MAX_BACKLOG).map(o -> toSse(sse, o));
        Multi<OutboundSseEvent> keepalive = Multi.createFrom().ticks().every(KEEPALIVE).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keepalive").build());
        return Multi.createBy().merging().streams(live, keepalive);
    }

    /** An event with the SSE id a subscriber resumes from: its own position, or the one a snapshot stands for. */
    private record Outgoing(UpsEvent event, EventPosition position) {
    }

    private static UpsEvent resync(String lastEventId) {
        return new UpsEvent(0, RESYNC, "", Instant.now(), Map.of("lastEventId", lastEventId));
    }

    private static UpsEvent snapshot(ServedUps u) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("snapshot", true);
        detail.put("state", u.condition());
        String status = u.ready() ? u.currentStatus() : null;
        if (status != null) {
            detail.put("status", status);
        }
        return new UpsEvent(0, UpsEvent.STATUS, u.name(), Instant.now(), detail);
    }

    private OutboundSseEvent toSse(Sse sse, Outgoing o) {
        UpsEvent e = o.event();
        ObjectNode data = json.createObjectNode();
        data.put("type", e.type());
        data.put("ups", e.ups());
        data.put("time", e.time().toString());
        e.detail().forEach((k, v) -> data.putPOJO(k, v));
        return sse.newEventBuilder().id(o.position().toString()).name(e.type()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, data.toString()).build();
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debugf(e, "closing an event subscription");
        }
    }
}
