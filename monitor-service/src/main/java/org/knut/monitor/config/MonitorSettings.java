package org.knut.monitor.config;

import java.util.List;

import org.knut.core.config.UpsmonConf;

/** Everything the monitor runs with: the upsmon.conf directives and what only knut has. */
public record MonitorSettings(UpsmonConf conf, boolean dryRun, List<TimerRule> timers, Thresholds thresholds) {
    public MonitorSettings {
        timers = List.copyOf(timers);
    }

    public static MonitorSettings of(UpsmonConf conf) {
        return new MonitorSettings(conf, false, List.of(), Thresholds.NONE);
    }
}
