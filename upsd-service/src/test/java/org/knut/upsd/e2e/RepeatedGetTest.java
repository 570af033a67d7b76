package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.upsd.state.Availability;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.testing.RawClient;
import org.knut.upsd.testing.ScriptedUpsd;

/**
 * A poller that sends the same GET VAR again and again on one connection is sent its last reply again
 * while nothing about the UPS has changed (NutChannelHandler). Whatever changes (a value, FSD, staleness,
 * the driver's link) must show in the very next reply once upsd holds it.
 */
class RepeatedGetTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GET = "GET VAR demo ups.status";

    @TempDir
    Path conf;

    @Test
    void theNextRepeatShowsEveryChangeUpsdHolds() throws Exception {
        try (ScriptedUpsd upsd = ScriptedUpsd.start(conf, List.of("SETINFO ups.status \"OL\"", "SETINFO battery.charge \"100\"",
                "DATAOK", "DUMPDONE"),
                Map.of(), WAIT); RawClient client = new RawClient(upsd.knut().port())) {
            ServedUps demo = upsd.knut().upsd().registry().find("demo");
            for (int i = 0; i < 3; i++) {
                assertEquals("VAR demo ups.status \"OL\"", client.ask(GET));
            }

            upsd.driver().push("SETINFO battery.charge \"99\"");
            awaitUps(demo, u -> "99".equals(u.state().value("battery.charge")));
            assertEquals("VAR demo ups.status \"OL\"", client.ask(GET), "another variable's change changes nothing here");

            upsd.driver().push("SETINFO ups.status \"OB\"");
            awaitUps(demo, u -> "OB".equals(u.state().value("ups.status")));
            assertEquals("VAR demo ups.status \"OB\"", client.ask(GET));

            demo.setFsd();
            assertEquals("VAR demo ups.status \"FSD OB\"", client.ask(GET));

            upsd.driver().push("DATASTALE");
            awaitUps(demo, u -> u.availability() == Availability.STALE);
            assertEquals("ERR DATA-STALE", client.ask(GET));
            upsd.driver().push("DATAOK");
            awaitUps(demo, u -> u.availability() == Availability.OK);
            assertEquals("VAR demo ups.status \"FSD OB\"", client.ask(GET));

            upsd.driver().hangUp();
            awaitUps(demo, u -> u.availability() == Availability.NOT_CONNECTED || !u.dumped());
            String whileGone = client.ask(GET);
            assertEquals(true, whileGone.equals("ERR DRIVER-NOT-CONNECTED") || whileGone.equals("VAR demo ups.status \"WAIT\""),
                    whileGone);
        }
    }

    private static void awaitUps(ServedUps ups, Predicate<ServedUps> condition) {
        Await.until("the UPS's state in upsd", WAIT, () -> condition.test(ups));
    }
}
