package org.knut.driver.spi;

import org.knut.core.sock.TrackingResult;

/**
 * One running driver for one UPS. All methods are called from the same thread, one at a time, as a NUT
 * driver's main loop calls them: {@link #init} once, then {@link #update} every poll interval, with
 * {@link #instcmd} and {@link #setvar} in between when a client asks.
 */
public interface UpsDriver extends AutoCloseable {
    /** Opens the device and publishes the first data (NUT's upsdrv_initups + upsdrv_initinfo). */
    void init(DriverState state) throws DriverException;

    /**
     * Refreshes the data (NUT's upsdrv_updateinfo). Throwing marks the data stale until an update
     * succeeds again.
     */
    void update(DriverState state) throws DriverException;

    /** Runs an instant command; the result goes back to the client that asked for tracking. */
    default TrackingResult instcmd(DriverState state, String command, String parameter) {
        return TrackingResult.UNKNOWN;
    }

    /** Writes a variable. */
    default TrackingResult setvar(DriverState state, String variable, String value) {
        return TrackingResult.UNKNOWN;
    }

    /** Tells the UPS to cut its load power (what {@code upsdrvctl shutdown} asks for). */
    default void shutdown(DriverState state) throws DriverException {
        throw new DriverException("shutdown not supported");
    }

    /** Releases the device. */
    @Override
    default void close() {
    }
}
