package org.knut.upsd.state;

/** The way to a UPS's driver: sends one driver-socket line (no newline). */
@FunctionalInterface
public interface DriverChannel {
    /** A channel for a UPS without a driver connection: every send fails. */
    DriverChannel NONE = line -> false;

    /** Queues the line for the driver; false when it cannot be handed over (no connection, queue full). */
    boolean send(String line);
}
