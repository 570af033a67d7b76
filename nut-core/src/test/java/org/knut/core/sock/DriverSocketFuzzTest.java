package org.knut.core.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.model.UpsState;
import org.knut.core.protocol.NutSyntaxException;
import org.knut.core.protocol.NutTokenizer;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the driver-socket codec with what a driver (or anything on its socket) may send. Whatever the
 * lines, DriverUpdate answers with an outcome and never throws; and the state they build survives the
 * trip through the wire both ways: the lines the state emits as it changes (what a driver broadcasts)
 * rebuild it in a mirror, and so does its DUMPALL (what upsd asks for on connect).
 */
class DriverSocketFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void driverLines(byte[] data) {
        UpsState state = new UpsState();
        UpsState mirror = new UpsState();
        state.addListener(line -> {
            assertFalse(line.indexOf('\n') >= 0, "an emitted line breaks the framing: " + line);
            apply(mirror, line);
        });
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n", -1)) {
            List<String> tokens;
            try {
                tokens = NutTokenizer.tokenize(line);
            } catch (NutSyntaxException e) {
                continue;
            }
            assertNotNull(DriverUpdate.apply(state, tokens));
            ReplicaLogins logins = ReplicaLogins.parse(tokens);
            if (logins != null) {
                assertEquals(logins, ReplicaLogins.parse(tokenize(logins.line())));
            }
        }
        assertSameState(state, mirror);
        UpsState dumped = new UpsState();
        for (String line : DriverLines.dumpAll(state)) {
            apply(dumped, line);
        }
        assertSameState(state, dumped);
    }

    /**
     * Any replica's logins, however many, make a CLIENTS line that the socket's tokenizer reads back. The
     * input is text: the replica's name on the first line, then one client address per line.
     */
    @FuzzTest(maxDuration = "60s")
    void replicaLoginsRoundTrip(byte[] data) {
        List<String> lines = List.of(new String(data, StandardCharsets.UTF_8).split("\n", -1));
        if (lines.get(0).isEmpty()) {
            return; // a replica always has a name
        }
        List<String> addresses = lines.subList(1, lines.size());
        ReplicaLogins logins = new ReplicaLogins(lines.get(0), addresses.size(), addresses);
        assertEquals(logins, ReplicaLogins.parse(tokenize(logins.line())));
    }

    private static void apply(UpsState target, String line) {
        DriverUpdate.Outcome outcome = DriverUpdate.apply(target, tokenize(line));
        assertFalse(outcome == DriverUpdate.Outcome.INVALID, "our own line is invalid: " + line);
    }

    private static List<String> tokenize(String line) {
        try {
            return NutTokenizer.tokenize(line);
        } catch (NutSyntaxException e) {
            throw new AssertionError("our own line does not tokenize: " + line, e);
        }
    }

    private static void assertSameState(UpsState expected, UpsState actual) {
        assertEquals(new ArrayList<>(expected.variables()), new ArrayList<>(actual.variables()));
        assertEquals(expected.commands(), actual.commands());
        assertEquals(expected.dataOk(), actual.dataOk());
    }
}
