package org.knut.monitor.drill;

import org.knut.monitor.config.MonitorSettings;

/**
 * One machine in the drill: its settings (MONITOR lines and thresholds as it would run), whether it is
 * the primary of its UPS, and how long its last step takes once it runs: the evictions (0 on a bare host)
 * and the host's own power-off.
 */
public record DrillNode(String name, MonitorSettings settings, boolean primary, long drainSeconds, String drainNote,
        long powerOffSeconds) {
    public DrillNode withPrimary(boolean p) {
        return new DrillNode(name, settings, p, drainSeconds, drainNote, powerOffSeconds);
    }
}
