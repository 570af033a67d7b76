package org.knut.driver.megatec;

import java.util.Set;

import org.junit.jupiter.api.extension.ExtendWith;
import org.knut.driver.serial.ScriptedDriverRun;
import org.knut.driver.serial.ScriptedSerialLink;
import org.knut.driver.testing.QuietDriverLogs;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the Megatec/Q1 decoders (status line, status bits, ratings, vendor line) through the whole
 * blazer_ser driver, and nutdrv_qx's column tables (its Megatec-shaped subdrivers, Mecer, Voltronic's
 * QGS and QS-Hex) through the whole nutdrv_qx driver: the UPS's answers are the fuzzer's (see
 * {@link ScriptedSerialLink}).
 * Whatever it answers, start-up and polls end normally or with a DriverException, and {@code ups.status}
 * only ever holds the words the C driver publishes.
 */
@ExtendWith(QuietDriverLogs.class)
class MegatecRepliesFuzzTest {
    private static final Set<String> STATUS_WORDS = Set.of("OL", "OB", "LB", "TRIM", "BOOST", "BYPASS", "CAL", "FSD", "ALARM");

    @FuzzTest(maxDuration = "60s")
    void blazerSerAnswers(byte[] script) {
        ScriptedDriverRun.assertStatusWords(ScriptedDriverRun.run(script, 5, (setup, device) ->
                new MegatecDriver(MegatecDialect.BLAZER_SER, MegatecOptions.from(setup), device, setup.clock())), STATUS_WORDS);
    }

    @FuzzTest(maxDuration = "60s")
    void nutdrvQxAnswers(byte[] script) {
        ScriptedDriverRun.assertStatusWords(ScriptedDriverRun.run(script, 5, (setup, device) ->
                new QxDriver(QxOptions.from(setup), device, setup.clock())), STATUS_WORDS);
    }
}
