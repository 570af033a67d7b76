package org.knut.driver.sock;

import java.util.function.Consumer;

import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverState;

/** The running driver behind a driver socket: its state, and a way to hand it commands. */
public interface SocketBackend {
    DriverState state();

    /** Runs an instant command on the driver's thread and reports the result to {@code done}. */
    void instcmd(String command, String parameter, Consumer<TrackingResult> done);

    /** Writes a variable on the driver's thread and reports the result to {@code done}. */
    void setvar(String variable, String value, Consumer<TrackingResult> done);
}
