package org.knut.driver.apcsmart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.knut.core.model.UpsState;
import org.knut.driver.serial.ScriptedSerialLink;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.serial.SerialSettings;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.DriverState;
import org.knut.driver.testing.QuietLogs;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the APC Smart decoders (smart-mode handshake, firmware and command-set answers, capability
 * string, status register, alert characters, variable formats) through the whole apcsmart driver: the
 * UPS's answers are the fuzzer's (see {@link ScriptedSerialLink}). Whatever it answers, start-up and
 * polls end normally or with a DriverException, and {@code ups.status} only holds apcsmart's words.
 */
class ApcSmartRepliesFuzzTest {
    private static final Set<String> STATUS_WORDS = Set.of("CAL", "TRIM", "BOOST", "OL", "OB", "OVER", "LB", "RB", "OFF");
    private static final int POLLS = 5;

    @BeforeAll
    static void quiet() {
        QuietLogs.errorsOnly("org.knut.driver");
    }

    @FuzzTest(maxDuration = "60s")
    void apcsmartAnswers(byte[] script) {
        ScriptedSerialLink link = new ScriptedSerialLink(script);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        DriverSetup setup = new DriverSetup("fuzz", "/dev/ttyFUZZ", Map.of(), Set.of(), Path.of("."), Duration.ofSeconds(2), clock);
        SerialDevice device = new SerialDevice(SerialSettings.eightN1(setup.port(), 2400, false), link.opener(), l -> { });
        ApcSmartDriver driver = new ApcSmartDriver(ApcOptions.from(setup), device, clock);
        DriverState state = new DriverState(new UpsState(), Set.of(), false);
        try {
            driver.init(state);
            for (int i = 0; i < POLLS; i++) {
                driver.update(state);
            }
        } catch (DriverException e) {
            // the answers ran out or made no sense: what a driver says about a broken UPS
        }
        String status = state.value("ups.status");
        if (status != null) {
            assertTrue(STATUS_WORDS.containsAll(List.of(status.split(" "))), "ups.status [" + status + "]");
        }
    }
}
