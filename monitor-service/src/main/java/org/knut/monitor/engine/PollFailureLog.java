package org.knut.monitor.engine;

import org.jboss.logging.Logger;

/**
 * upsmon's POLLFAIL_LOG_THROTTLE_MAX for one UPS: negative logs every failed poll; 0 logs only when the
 * kind of failure changes (and when it ends); N logs a repeating failure every N polls.
 */
final class PollFailureLog {
    private static final Logger LOG = Logger.getLogger(PollFailureLog.class);

    private final String ups;
    private final int max;
    private String lastKind;
    private int count;

    PollFailureLog(String ups, int max) {
        this.ups = ups;
        this.max = max;
    }

    void failed(String kind, String message) {
        String line = "Poll UPS [" + ups + "] failed - " + message;
        if (max < 0) {
            LOG.error(line);
        } else if (kind.equals(lastKind)) {
            if (max > 0 && ++count >= max) {
                count = 0;
                LOG.error(line);
            } else {
                LOG.debug(line);
            }
        } else {
            LOG.errorf("Poll UPS [%s] failure changed from %s to %s; %s", ups, lastKind == null ? "none" : lastKind, kind,
                    max == 0 ? "the report below is not repeated" : "the report below is repeated every " + max + " polls");
            LOG.error(line);
            lastKind = kind;
            count = 0;
        }
    }

    void recovered() {
        if (lastKind != null && max >= 0) {
            LOG.errorf("Poll UPS [%s] recovered from failure %s", ups, lastKind);
        }
        lastKind = null;
        count = 0;
    }
}
