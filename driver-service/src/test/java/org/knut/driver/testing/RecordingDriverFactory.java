package org.knut.driver.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;

/**
 * A second driver kind for tests of the SPI and the socket path: a UPS that accepts its instant
 * commands and records them, so success, invalid-argument and unknown results can all be seen end to end.
 * It can also shut its load down (recorded as {@code shutdown}).
 */
public final class RecordingDriverFactory implements DriverFactory {
    /** Every command run, as "name [param]". */
    public final List<String> commands = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public String description() {
        return "Test driver that records instant commands";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public List<DriverOption> options() {
        return List.of();
    }

    @Override
    public UpsDriver create(DriverSetup setup) {
        return new UpsDriver() {
            @Override
            public void init(DriverState state) {
                state.setInfo("ups.status", "OL");
                state.setInfo("battery.charge", "100");
                state.addCommand("test.battery.start.quick");
                state.addCommand("load.off.delay");
            }

            @Override
            public void update(DriverState state) {
            }

            @Override
            public TrackingResult instcmd(DriverState state, String command, String parameter) {
                commands.add(parameter == null ? command : command + " " + parameter);
                return switch (command) {
                    case "test.battery.start.quick" -> {
                        state.setInfo("ups.test.result", "In progress");
                        yield TrackingResult.HANDLED;
                    }
                    case "load.off.delay" -> parameter != null && parameter.matches("\\d+") ? TrackingResult.HANDLED
                            : TrackingResult.INVALID;
                    default -> TrackingResult.UNKNOWN;
                };
            }

            @Override
            public void shutdown(DriverState state) {
                commands.add("shutdown");
            }
        };
    }
}
