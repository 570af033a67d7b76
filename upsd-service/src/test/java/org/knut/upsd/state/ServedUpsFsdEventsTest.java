package org.knut.upsd.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knut.core.model.UpsState;
import org.knut.upsd.events.UpsEvent;
import org.knut.upsd.events.UpsEvents;

/**
 * An FSD gives the same events on every replica: on the one that latched it (and then hears the
 * driver republish it) as on one that only hears the driver's republished status.
 */
class ServedUpsFsdEventsTest {
    /** One replica's view of the UPS, with the events it sent as "type status previous" strings. */
    private static final class Replica {
        final UpsEvents events = new UpsEvents();
        final List<String> sent = new ArrayList<>();
        final ServedUps ups = new ServedUps("demo", null, events, "r");
        final UpsState state = new UpsState();

        Replica(String status) {
            events.subscribe(e -> sent.add(e.type() + " " + e.detail().get("status") + " " + e.detail().get("previous")));
            ups.linkUp(DriverChannel.NONE);
            state.setInfo("ups.status", status);
            ups.dumpDone(state);
            sent.clear();
        }

        void driverPublishes(String status) {
            state.setInfo("ups.status", status);
            ups.statusUpdated();
        }
    }

    private static final List<String> FSD_EVENTS = List.of("status FSD OL OL", "fsd FSD OL null");

    @Test
    void theReplicaThatTookFsdAndTheOthersSendTheSameEvents() {
        Replica took = new Replica("OL");
        Replica other = new Replica("OL");

        took.ups.setFsd();
        took.driverPublishes("FSD OL"); // the driver latched it too and republishes: nothing new here
        other.driverPublishes("FSD OL");

        assertEquals(FSD_EVENTS, took.sent);
        assertEquals(took.sent, other.sent);
    }

    @Test
    void laterChangesKeepFsdInFrontAndSendNoSecondFsd() {
        Replica took = new Replica("OL");
        took.ups.setFsd();
        took.ups.setFsd();
        took.driverPublishes("OB"); // a NUT C driver ignores FSD: the latch here keeps it served
        assertEquals(List.of("status FSD OL OL", "fsd FSD OL null", "status FSD OB FSD OL"), took.sent);
    }

    @Test
    void anUnchangedStatusSendsNothing() {
        Replica r = new Replica("OL");
        r.driverPublishes("OL");
        assertEquals(List.of(), r.sent);
    }
}
