package org.knut.driver.sock;

import java.util.function.Consumer;

import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverState;

/** A backend that serves a state and knows no command (for tests about the socket, not the driver). */
record StateOnlyBackend(DriverState state) implements SocketBackend {
    @Override
    public void instcmd(String command, String parameter, Consumer<TrackingResult> done) {
        done.accept(TrackingResult.UNKNOWN);
    }

    @Override
    public void setvar(String variable, String value, Consumer<TrackingResult> done) {
        done.accept(TrackingResult.UNKNOWN);
    }
}
