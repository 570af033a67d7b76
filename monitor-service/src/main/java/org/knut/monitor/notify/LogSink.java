package org.knut.monitor.notify;

import org.jboss.logging.Logger;

/** NOTIFYFLAG SYSLOG: the message goes to the service log, where upsmon would log it at LOG_NOTICE. */
public final class LogSink implements NotificationSink {
    private static final Logger LOG = Logger.getLogger("org.knut.monitor.upsmon");

    @Override
    public void deliver(Notification n) {
        LOG.info(n.message());
    }
}
