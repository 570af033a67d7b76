package org.knut.monitor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.knut.core.config.UpsmonConf;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.notify.Notifier;
import org.knut.monitor.shutdown.PowerdownFlag;

/** A role that changes while the monitor runs, as the Kubernetes Lease hands the primary role around. */
class LeasedRoleTest {
    @Test
    void theSessionIsLoggedInAgainWithTheNewRoleAndOnlyThePrimarySetsFsd() throws Exception {
        UpsmonConf conf = UpsmonConf.parse("upsmon.conf", "MONITOR demo@upsd 1 mon pass primary\nHOSTSYNC 5\nFINALDELAY 0\n");
        FakeTime time = new FakeTime();
        Recorder rec = new Recorder(time);
        FakeLink link = new FakeLink().status("OL");
        AtomicBoolean leaseHeld = new AtomicBoolean();
        Notifier notifier = new Notifier(conf.notifications(), Map.of());
        Upsmon u = new Upsmon(MonitorSettings.of(conf), m -> link, m -> m.primary() && leaseHeld.get(), notifier, rec,
                new PowerdownFlag(null), rec, time);

        u.cycle();
        assertFalse(link.openedAsPrimary, "without the Lease a primary candidate logs in as secondary");
        assertEquals("secondary", u.views().get(0).role());

        leaseHeld.set(true);
        u.cycle();
        assertTrue(link.openedAsPrimary, "holding the Lease: logged in again, with PRIMARY");
        assertEquals(2, link.opens);
        assertEquals("primary", u.views().get(0).role());

        link.status("OB LB");
        u.cycle();
        assertEquals(1, link.fsds, "the primary sets FSD at once on OB LB");
        assertTrue(rec.hostWasShutDown());
    }
}
