package org.knut.driver.serial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knut.core.model.UpsState;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;

/**
 * A serial driver started and polled against a {@link ScriptedSerialLink}, as the serial protocols'
 * fuzz tests run it: start-up, then a few polls, until the answers run out or the driver gives up.
 */
public final class ScriptedDriverRun {
    /** Builds the driver under test on the scripted device, with default ups.conf settings. */
    @FunctionalInterface
    public interface Factory {
        UpsDriver create(DriverSetup setup, SerialDevice device);
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private ScriptedDriverRun() {
    }

    /** Runs the driver on the script; only a DriverException may end it early. Returns what it published. */
    public static DriverState run(byte[] script, int polls, Factory factory) {
        ScriptedSerialLink link = new ScriptedSerialLink(script);
        DriverSetup setup = new DriverSetup("fuzz", "/dev/ttyFUZZ", Map.of(), Set.of(), Path.of("."), Duration.ofSeconds(2), CLOCK);
        SerialDevice device = new SerialDevice(SerialSettings.eightN1(setup.port(), 2400, false), link.opener(), l -> { });
        UpsDriver driver = factory.create(setup, device);
        DriverState state = new DriverState(new UpsState(), Set.of(), false);
        try {
            driver.init(state);
            for (int i = 0; i < polls; i++) {
                driver.update(state);
            }
        } catch (DriverException e) {
            // the answers ran out or made no sense: what a driver says about a broken UPS
        }
        return state;
    }

    /** {@code ups.status}, when published, holds only the words the driver's NUT original publishes. */
    public static void assertStatusWords(DriverState state, Set<String> words) {
        String status = state.value("ups.status");
        if (status != null) {
            assertTrue(words.containsAll(List.of(status.split(" "))), "ups.status [" + status + "]");
        }
    }
}
