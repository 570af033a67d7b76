package org.knut.monitor.engine;

/** What the monitor remembers of a UPS's status words, upsmon's {@code ST_*} bits for the UPS itself. */
public enum UpsFlag {
    ONLINE, ONBATT, LOWBATT, FSD, CAL, OFF, BYPASS, ECO, ALARM, OVER, TRIM, BOOST
}
