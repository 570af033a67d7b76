package org.knut.monitor.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.config.Thresholds;
import org.knut.monitor.config.TimerRule;
import org.knut.monitor.notify.Notifier;
import org.knut.monitor.shutdown.PowerdownFlag;

/**
 * The monitor engine wired to fakes: scripted upsd sessions, a fake clock, and a {@link Recorder} for
 * every notification, command and the final shutdown. Every UPS starts online.
 */
final class Engine {
    final FakeTime time = new FakeTime();
    final Recorder rec = new Recorder(time);
    final Map<String, FakeLink> links = new LinkedHashMap<>();
    final Upsmon upsmon;

    Engine(MonitorSettings settings) {
        for (Monitor m : settings.conf().monitors()) {
            links.put(m.system(), new FakeLink().status("OL"));
        }
        Notifier notifier = new Notifier(settings.conf().notifications(), Map.of());
        notifier.addListener(rec);
        String flag = settings.conf().powerDownFlag();
        upsmon = new Upsmon(settings, m -> links.get(m.system()), notifier, rec, new PowerdownFlag(flag == null ? null : Path.of(flag)),
                rec, time);
    }

    static Engine of(String conf) throws Exception {
        return new Engine(MonitorSettings.of(UpsmonConf.parse("upsmon.conf", conf)));
    }

    static Engine of(String conf, boolean dryRun, List<TimerRule> timers, Thresholds thresholds) throws Exception {
        return new Engine(new MonitorSettings(UpsmonConf.parse("upsmon.conf", conf), dryRun, timers, thresholds));
    }

    FakeLink link(String ups) {
        return links.get(ups);
    }

    /** Sets ups.status of the only (or first) UPS. */
    Engine status(String status) {
        links.values().iterator().next().status(status);
        return this;
    }

    /** Runs upsmon's loop (poll, wait for the next poll) for {@code seconds} of fake time, or until it finished. */
    Engine runFor(double seconds) throws InterruptedException {
        Instant end = time.now().plusMillis((long) (seconds * 1000));
        while (time.now().isBefore(end) && upsmon.state() != Upsmon.State.FINISHED) {
            upsmon.cycle();
            if (upsmon.state() != Upsmon.State.FINISHED) {
                upsmon.waitForNextPoll();
            }
        }
        return this;
    }

    boolean finished() {
        return upsmon.state() == Upsmon.State.FINISHED;
    }
}
