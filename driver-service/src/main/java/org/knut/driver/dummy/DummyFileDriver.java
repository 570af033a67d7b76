package org.knut.driver.dummy;

import org.jboss.logging.Logger;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;

/**
 * dummy-ups in its simulation modes: publishes a data file's variables, every one of them writable, and
 * offers the one instant command dummy-ups has ({@code load.off}, which, as in dummy-ups, reports
 * "unknown" when run). {@link DummyMode#ONCE} reads the file to its end once and again only when the
 * file's modification time changes, so values set by clients stay until then; the loop modes replay it
 * pass after pass, pausing at {@code TIMER} lines.
 */
final class DummyFileDriver implements UpsDriver {
    private static final Logger LOG = Logger.getLogger(DummyFileDriver.class);

    private final DummyMode mode;
    private final DataFilePlayer player;

    DummyFileDriver(DummyMode mode, DataFilePlayer player) {
        this.mode = mode;
        this.player = player;
    }

    @Override
    public void init(DriverState state) throws DriverException {
        state.setInfo("driver.parameter.mode", mode.published);
        DummyVariables.seed(state);
        player.advance(e -> apply(state, e));
        state.addCommand("load.off");
    }

    @Override
    public void update(DriverState state) throws DriverException {
        if (mode == DummyMode.ONCE && player.finished() && !player.changedSinceRead()) {
            return; // read to the end already, file unchanged
        }
        player.advance(e -> apply(state, e));
    }

    private static void apply(DriverState state, DataEntry e) {
        if (e instanceof DataEntry.Status s) {
            state.status(s.tokens());
        } else if (e instanceof DataEntry.Assignment a) {
            DummyVariables.set(state, a.name(), a.value());
        }
    }

    @Override
    public TrackingResult setvar(DriverState state, String variable, String value) {
        return DummyVariables.set(state, variable, value);
    }

    @Override
    public TrackingResult instcmd(DriverState state, String command, String parameter) {
        LOG.infof("instcmd: unknown command [%s] [%s]", command, parameter);
        return TrackingResult.UNKNOWN;
    }
}
