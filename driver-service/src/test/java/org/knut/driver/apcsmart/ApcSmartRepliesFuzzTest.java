package org.knut.driver.apcsmart;

import java.util.Set;

import org.junit.jupiter.api.extension.ExtendWith;
import org.knut.driver.serial.ScriptedDriverRun;
import org.knut.driver.serial.ScriptedSerialLink;
import org.knut.driver.testing.QuietDriverLogs;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the APC Smart decoders (smart-mode handshake, firmware and command-set answers, capability
 * string, status register, alert characters, variable formats) through the whole apcsmart driver: the
 * UPS's answers are the fuzzer's (see {@link ScriptedSerialLink}). Whatever it answers, start-up and
 * polls end normally or with a DriverException, and {@code ups.status} only holds apcsmart's words.
 */
@ExtendWith(QuietDriverLogs.class)
class ApcSmartRepliesFuzzTest {
    private static final Set<String> STATUS_WORDS = Set.of("CAL", "TRIM", "BOOST", "OL", "OB", "OVER", "LB", "RB", "OFF");

    @FuzzTest(maxDuration = "60s")
    void apcsmartAnswers(byte[] script) {
        ScriptedDriverRun.assertStatusWords(ScriptedDriverRun.run(script, 5, (setup, device) ->
                new ApcSmartDriver(ApcOptions.from(setup), device, setup.clock())), STATUS_WORDS);
    }
}
