package org.knut.upsd.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.upsd.config.ClientTimeouts;

/**
 * What the connections of one event loop share, touched by that loop's thread only: scratch space (a
 * loop handles one request at a time, so one reply buffer serves all its connections and stays hot in
 * the cache) and the timeout sweep, a coarse clock advanced by a periodic task instead of a timer per
 * connection. The sweep closes a connection that has read nothing for the idle timeout, that has held
 * an unfinished line for the line timeout (a slow-loris client dribbling bytes to keep it open), or whose
 * replies have waited unread for the send timeout.
 */
final class EventLoopShare {
    private static final Logger LOG = Logger.getLogger(EventLoopShare.class);

    final NetLineDecoder.Scratch words = new NetLineDecoder.Scratch();
    final StringBuilder reply = new StringBuilder(1024);
    private final Set<NutChannelHandler> open = new HashSet<>();
    private final long sweepMillis;
    private final long idleTicks;
    private final long lineTicks;
    private final long sendTicks;
    private long tick;

    EventLoopShare(ClientTimeouts timeouts) {
        // often enough for the shortest timeout to be kept to about a quarter of it
        sweepMillis = Math.max(50, Math.min(1000, timeouts.shortest().toMillis() / 4));
        idleTicks = ticks(timeouts.idle().toMillis());
        lineTicks = ticks(timeouts.line().toMillis());
        sendTicks = ticks(timeouts.send().toMillis());
    }

    private long ticks(long millis) {
        return (millis + sweepMillis - 1) / sweepMillis;
    }

    /** How often {@link #sweep} must run. */
    long sweepMillis() {
        return sweepMillis;
    }

    long tick() {
        return tick;
    }

    void opened(NutChannelHandler h) {
        open.add(h);
    }

    void closed(NutChannelHandler h) {
        open.remove(h);
    }

    /** One sweep: closes the connections past one of their timeouts. */
    void sweep() {
        tick++;
        List<NutChannelHandler> overdue = new ArrayList<>();
        for (NutChannelHandler h : open) {
            if (overdue(h) != null) {
                overdue.add(h);
            }
        }
        for (NutChannelHandler h : overdue) {
            LOG.debugf("closing the connection from %s: %s", h.address(), overdue(h));
            h.close();
        }
    }

    /** Why {@code h} must be closed now, or null. A value of -1 in the handler means "not waiting". */
    private String overdue(NutChannelHandler h) {
        if (tick - h.lastReadTick() > idleTicks) {
            return "idle";
        }
        // while its replies back up, a connection is not read: its unfinished line is no fault of the client's
        if (h.unwritableSinceTick() < 0 && h.partialLineSinceTick() >= 0 && tick - h.partialLineSinceTick() > lineTicks) {
            return "request line not finished in time";
        }
        if (h.unwritableSinceTick() >= 0 && tick - h.unwritableSinceTick() > sendTicks) {
            return "replies not read in time";
        }
        return null;
    }
}
