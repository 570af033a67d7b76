package org.knut.monitor.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.monitor.config.TimerRule;
import org.knut.monitor.notify.Notification;
import org.knut.monitor.notify.NotificationSink;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.process.ExternalCommand;

/**
 * upssched's timers inside the monitor: an event starts a timer for its UPS, another cancels it, and a
 * timer that runs out runs its command with the timer name as argument and {@code UPSNAME},
 * {@code NOTIFYTYPE} (the event that started it) and {@code KNUT_TIMER} in its environment.
 */
public final class EventTimers implements NotificationSink {
    private static final Logger LOG = Logger.getLogger(EventTimers.class);

    private record Key(String timer, String ups) {
    }

    private record Running(TimerRule rule, String ups, NotifyType cause, Instant due) {
    }

    private final List<TimerRule> rules;
    private final CommandRunner runner;
    private final TimeSource time;
    private final Map<Key, Running> running = new LinkedHashMap<>();

    public EventTimers(List<TimerRule> rules, CommandRunner runner, TimeSource time) {
        this.rules = List.copyOf(rules);
        this.runner = runner;
        this.time = time;
    }

    @Override
    public synchronized void deliver(Notification n) {
        for (TimerRule r : rules) {
            if (!r.appliesTo(n.ups())) {
                continue;
            }
            Key key = new Key(r.name(), n.ups());
            if (r.cancelOn().contains(n.type()) && running.remove(key) != null) {
                LOG.infof("timer %s for %s cancelled by %s", r.name(), n.ups(), n.type());
            }
            if (r.startOn().contains(n.type()) && !running.containsKey(key)) {
                Instant due = time.now().plus(r.after());
                running.put(key, new Running(r, n.ups(), n.type(), due));
                LOG.infof("timer %s for %s started by %s, fires in %d s", r.name(), n.ups(), n.type(), r.after().getSeconds());
            }
        }
    }

    /** Runs the command of every timer due at {@code now}. */
    public synchronized void fireDue(Instant now) {
        for (Iterator<Running> it = running.values().iterator(); it.hasNext();) {
            Running t = it.next();
            if (t.due().isAfter(now)) {
                continue;
            }
            it.remove();
            LOG.warnf("timer %s for %s fired: running %s", t.rule().name(), t.ups(), t.rule().command());
            runner.launch(ExternalCommand.shell("timer " + t.rule().name(), t.rule().command() + " \"$1\"",
                    List.of(t.rule().name()),
                    Map.of("UPSNAME", t.ups(), "NOTIFYTYPE", t.cause().name(), "KNUT_TIMER", t.rule().name())));
        }
    }

    public synchronized Optional<Instant> nextDue() {
        return running.values().stream().map(Running::due).min(Instant::compareTo);
    }

    /** {@code timer@ups} of every running timer. */
    public synchronized List<String> running() {
        List<String> names = new ArrayList<>();
        running.keySet().forEach(k -> names.add(k.timer() + "@" + k.ups()));
        return names;
    }
}
