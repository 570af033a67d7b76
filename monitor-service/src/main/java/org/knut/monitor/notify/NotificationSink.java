package org.knut.monitor.notify;

/**
 * Somewhere a notification goes: the log, the terminals, NOTIFYCMD, the event timers, and later a
 * Kubernetes Event. Delivery must not block the monitor for long: slow work belongs in a process.
 */
public interface NotificationSink {
    void deliver(Notification n);
}
