package org.knut.monitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.NotifyFlag;
import org.knut.core.config.UpsmonConf.NotifyType;

class NotifierTest {
    /** A sink that remembers the messages it got. */
    static final class Box implements NotificationSink {
        final List<String> got = new ArrayList<>();

        @Override
        public void deliver(Notification n) {
            got.add(n.type() + " " + n.ups() + " " + n.message());
        }
    }

    final Box log = new Box();
    final Box wall = new Box();
    final Box exec = new Box();
    final Box listener = new Box();

    Notifier notifier(String conf) throws Exception {
        UpsmonConf c = UpsmonConf.parse("upsmon.conf", "MINSUPPLIES 0\n" + conf);
        Notifier n = new Notifier(c.notifications(), Map.of(NotifyFlag.SYSLOG, log, NotifyFlag.WALL, wall, NotifyFlag.EXEC, exec));
        n.addListener(listener);
        return n;
    }

    @Test
    void notifyflagRoutesEachTypeAndDefaultsToSyslogAndWall() throws Exception {
        Notifier n = notifier("""
                NOTIFYFLAG ONBATT SYSLOG+WALL+EXEC
                NOTIFYFLAG ONLINE EXEC
                NOTIFYFLAG LOWBATT IGNORE
                NOTIFYFLAG FSD IGNORE+EXEC
                """);
        n.notify(NotifyType.ONBATT, "ups@h", null);
        n.notify(NotifyType.ONLINE, "ups@h", null);
        n.notify(NotifyType.LOWBATT, "ups@h", null);
        n.notify(NotifyType.FSD, "ups@h", null);
        n.notify(NotifyType.COMMBAD, "ups@h", null);
        assertEquals(List.of("ONBATT ups@h UPS ups@h on battery", "COMMBAD ups@h Communications with UPS ups@h lost"), log.got);
        assertEquals(List.of("ONBATT ups@h UPS ups@h on battery", "COMMBAD ups@h Communications with UPS ups@h lost"), wall.got);
        assertEquals(List.of("ONBATT ups@h UPS ups@h on battery", "ONLINE ups@h UPS ups@h on line power"), exec.got);
        assertEquals(5, listener.got.size(), "listeners hear every event, IGNOREd ones too");
    }

    @Test
    void wallReachesTheTerminalsWhateverTheFlags() throws Exception {
        Notifier n = notifier("NOTIFYFLAG SHUTDOWN IGNORE\n");
        n.wall("Executing automatic power-fail shutdown");
        assertEquals(List.of("SHUTDOWN  Executing automatic power-fail shutdown"), wall.got);
        assertEquals(List.of(), listener.got);
    }

    @Test
    void aFailingSinkDoesNotStopTheOthers() throws Exception {
        UpsmonConf c = UpsmonConf.parse("upsmon.conf", "MINSUPPLIES 0\nNOTIFYFLAG ONBATT SYSLOG+EXEC\n");
        Notifier n = new Notifier(c.notifications(), Map.of(NotifyFlag.SYSLOG, x -> {
            throw new IllegalStateException("disk full");
        }, NotifyFlag.EXEC, exec));
        n.notify(NotifyType.ONBATT, "u", null);
        assertEquals(1, exec.got.size());
    }

    @Test
    void messageFormatFillsUpsThenDetails() {
        assertEquals("UPS a@b: one or more active alarms: [Fan]", NotifyMessage.format(NotifyType.ALARM.stockMessage(), "a@b", "Fan"));
        assertEquals("UPS a@b: one or more active alarms: []", NotifyMessage.format(NotifyType.ALARM.stockMessage(), "a@b", null));
        assertEquals("Auto logout and shutdown proceeding", NotifyMessage.format(NotifyType.SHUTDOWN.stockMessage(), null, null));
        assertEquals("100% sure: a on battery %d", NotifyMessage.format("100%% sure: %s on battery %d", "a", "x"));
        assertEquals("a b? c: ", NotifyMessage.format("%s %s? c: %s", "a", "b"), "a third %s stays empty");
        assertEquals("trailing %", NotifyMessage.format("trailing %", "u", null));
    }
}
