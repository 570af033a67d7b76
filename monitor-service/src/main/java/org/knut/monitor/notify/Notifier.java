package org.knut.monitor.notify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jboss.logging.Logger;
import org.knut.core.config.UpsmonConf.Notifications;
import org.knut.core.config.UpsmonConf.NotifyFlag;
import org.knut.core.config.UpsmonConf.NotifyType;

/**
 * upsmon's {@code do_notify}: builds the message from NOTIFYMSG (or the stock text) and hands it to the
 * sinks its NOTIFYFLAG names (SYSLOG, WALL, EXEC; IGNORE drops it). Listeners, such as the event timers,
 * hear every event whatever its flags, as upssched would if every event were sent to it.
 */
public final class Notifier {
    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final Notifications conf;
    private final Map<NotifyFlag, NotificationSink> sinks;
    private final List<NotificationSink> listeners = new CopyOnWriteArrayList<>();

    public Notifier(Notifications conf, Map<NotifyFlag, NotificationSink> sinks) {
        this.conf = conf;
        this.sinks = new EnumMap<>(NotifyFlag.class);
        this.sinks.putAll(sinks);
    }

    public void addListener(NotificationSink listener) {
        listeners.add(listener);
    }

    /** Sends the event of {@code type} about {@code ups} (null for the monitor itself); {@code extra} fills a second %s. */
    public void notify(NotifyType type, String ups, String extra) {
        Notification n = new Notification(type, ups, NotifyMessage.format(conf.message(type), ups, extra));
        Set<NotifyFlag> flags = conf.flags(type);
        LOG.debugf("notify %s [%s] flags %s: %s", type, n.ups(), flags, n.message());
        if (!flags.contains(NotifyFlag.IGNORE)) {
            for (NotifyFlag f : List.of(NotifyFlag.SYSLOG, NotifyFlag.WALL, NotifyFlag.EXEC)) {
                NotificationSink sink = sinks.get(f);
                if (flags.contains(f) && sink != null) {
                    deliver(sink, n);
                }
            }
        }
        for (NotificationSink l : listeners) {
            deliver(l, n);
        }
    }

    /** A message to every terminal regardless of NOTIFYFLAG, as upsmon walls its final shutdown notice. */
    public void wall(String text) {
        NotificationSink wall = sinks.get(NotifyFlag.WALL);
        if (wall != null) {
            deliver(wall, new Notification(NotifyType.SHUTDOWN, "", text));
        }
    }

    private static void deliver(NotificationSink sink, Notification n) {
        try {
            sink.deliver(n);
        } catch (RuntimeException e) {
            LOG.errorf(e, "notification %s could not be delivered to %s", n.type(), sink.getClass().getSimpleName());
        }
    }
}
