package org.knut.upsd.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the connections of one event loop share, touched by that loop's thread only: scratch space (a
 * loop handles one request at a time, so one reply buffer serves all its connections and stays hot in
 * the cache) and the idle sweep, a coarse clock advanced by a periodic task instead of a timer per
 * connection.
 */
final class EventLoopShare {
    final NetLineDecoder.Scratch words = new NetLineDecoder.Scratch();
    final StringBuilder reply = new StringBuilder(1024);
    private final Set<NutChannelHandler> open = new HashSet<>();
    private final long idleTicks;
    private long tick;

    /** {@code idleTicks}: sweeps a connection may stay silent through before it is closed. */
    EventLoopShare(long idleTicks) {
        this.idleTicks = idleTicks;
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

    /** One sweep: closes the connections that have read nothing for the idle timeout. */
    void sweep() {
        tick++;
        List<NutChannelHandler> idle = new ArrayList<>();
        for (NutChannelHandler h : open) {
            if (tick - h.lastReadTick() > idleTicks) {
                idle.add(h);
            }
        }
        idle.forEach(NutChannelHandler::close);
    }
}
