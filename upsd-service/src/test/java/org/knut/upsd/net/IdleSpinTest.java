package org.knut.upsd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.netty.channel.SelectStrategy;

class IdleSpinTest {
    private static final long LIMIT = 100_000;

    /** A clock that each reading advances by a step, and a poll that counts its calls and finds events from a given time. */
    private long now = 1_000_000;
    private final long step = 1_000;
    private long eventsFrom = Long.MAX_VALUE;
    private int polls;

    private long read() {
        now += step;
        return now;
    }

    private int poll() {
        polls++;
        return now >= eventsFrom ? 3 : 0;
    }

    private final IdleSpin spin = new IdleSpin(LIMIT, this::read);

    private int next() throws Exception {
        return spin.calculateStrategy(this::poll, false);
    }

    @Test
    void aLoopThatWasIdleLongSleepsAtOnce() throws Exception {
        assertEquals(SelectStrategy.SELECT, next()); // first time: nothing known, sleep
        now += 5_000_000_000L; // a poller every five seconds
        assertEquals(SelectStrategy.SELECT, next());
        assertEquals(0, polls);
    }

    @Test
    void aRequestSoonAfterTheLastWaitMakesTheLoopSpinAndCatchTheNext() throws Exception {
        assertEquals(SelectStrategy.SELECT, next());
        now += 40_000; // the next request came 40 µs after the loop went to sleep
        eventsFrom = now + 30_000; // and the one after it comes 30 µs after this
        assertEquals(3, next());
        assertTrue(polls > 20, "polled until they came, without sleeping: " + polls);
        assertEquals(3, next()); // caught within the limit: still spinning
    }

    @Test
    void spinningStopsAtTheLimitAndAfterALongWait() throws Exception {
        next();
        now += 40_000;
        int before = polls;
        assertEquals(SelectStrategy.SELECT, next()); // spun, nothing came within the limit
        assertEquals(LIMIT / step, polls - before, 1); // one poll per clock step
        now += 2_000_000; // the wait that followed was long
        before = polls;
        assertEquals(SelectStrategy.SELECT, next());
        assertEquals(0, polls - before); // so this time it sleeps at once
    }

    @Test
    void pendingTasksAreNeverWaitedFor() throws Exception {
        eventsFrom = 0;
        assertEquals(3, spin.calculateStrategy(this::poll, true));
        eventsFrom = Long.MAX_VALUE;
        assertEquals(0, spin.calculateStrategy(this::poll, true));
    }

    @Test
    void aZeroLimitNeverPolls() throws Exception {
        IdleSpin never = new IdleSpin(0, this::read);
        never.calculateStrategy(this::poll, false);
        now += 10;
        assertEquals(SelectStrategy.SELECT, never.calculateStrategy(this::poll, false));
        assertEquals(0, polls);
    }
}
