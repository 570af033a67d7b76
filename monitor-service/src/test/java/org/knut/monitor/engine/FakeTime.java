package org.knut.monitor.engine;

/** The engine tests' clock: only moves when the monitor sleeps. */
final class FakeTime extends VirtualClock {
}
