package org.knut.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes every NUT configuration file parser: whatever the text, it is read or refused with a
 * ConfigException naming this file and a line that exists; no other exception escapes.
 */
class ConfigParsersFuzzTest {
    private static final String FILE = "fuzzed.conf";

    /** One of the file parsers, as the services call it. */
    @FunctionalInterface
    private interface Parser {
        Object parse(String name, String text) throws ConfigException;
    }

    @FuzzTest(maxDuration = "60s")
    void upsConf(byte[] data) {
        check(UpsConf::parse, data);
    }

    @FuzzTest(maxDuration = "60s")
    void upsdConf(byte[] data) {
        check(UpsdConf::parse, data);
    }

    @FuzzTest(maxDuration = "60s")
    void upsdUsers(byte[] data) {
        check(UpsdUsers::parse, data);
    }

    @FuzzTest(maxDuration = "60s")
    void upsmonConf(byte[] data) {
        check(UpsmonConf::parse, data);
    }

    @FuzzTest(maxDuration = "60s")
    void hostsConf(byte[] data) {
        check(HostsConf::parse, data);
    }

    private static void check(Parser parser, byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            parser.parse(FILE, text);
        } catch (ConfigException e) {
            assertEquals(FILE, e.file());
            // line 0 is the whole file (e.g. a required directive missing); otherwise a line of the text
            long lines = text.lines().count();
            assertTrue(e.line() >= 0 && e.line() <= lines, "line " + e.line() + " of " + lines + ": " + e.getMessage());
        }
    }
}
