package org.knut.monitor.notify;

import org.knut.core.config.UpsmonConf.NotifyType;

/**
 * One upsmon event as it is delivered: its type, the UPS as named on its MONITOR line (empty for events
 * of the monitor itself, like SHUTDOWN) and the finished message text.
 */
public record Notification(NotifyType type, String ups, String message) {
    public Notification {
        ups = ups == null ? "" : ups;
    }
}
