package org.knut.monitor.config;

import java.time.Duration;
import java.util.Set;

import org.knut.core.config.UpsmonConf.NotifyType;

/**
 * An upssched-style timer: an event in {@code startOn} starts it for that UPS (unless it already runs),
 * an event in {@code cancelOn} cancels it, and when {@code after} has passed {@code command} runs
 * through {@code /bin/sh} with the timer's name as its argument. {@code ups} null means any UPS.
 */
public record TimerRule(String name, Set<NotifyType> startOn, Set<NotifyType> cancelOn, Duration after, String command,
        String ups) {
    public TimerRule {
        startOn = Set.copyOf(startOn);
        cancelOn = Set.copyOf(cancelOn);
    }

    public boolean appliesTo(String upsName) {
        return ups == null || ups.equals(upsName);
    }
}
