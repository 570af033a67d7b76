package org.knut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;

/** The small parsers behind the tools: getopt complaints, upsclient's messages. */
class ArgumentsTest {

    @ParameterizedTest
    @CsvSource({"-x, hlLcV, invalid option -- 'x'", "-lx, hlLcV, invalid option -- 'x'", "--help, hlLcV, unrecognized option '--help'"})
    void getoptComplaints(String arg, String letters, String expected) {
        assertEquals(expected, KnutCli.invalidOption(arg, letters));
    }

    @Test
    void upsclientMessages() {
        assertEquals("Unknown UPS", UpscliError.of(new NutException(NutError.UNKNOWN_UPS)));
        assertEquals("Variable not supported by UPS", UpscliError.of(new NutException(NutError.VAR_NOT_SUPPORTED)));
        assertEquals("Driver not connected", UpscliError.of(new NutException(NutError.DRIVER_NOT_CONNECTED)));
        assertEquals("Data stale", UpscliError.of(new NutException(NutError.DATA_STALE)));
        assertEquals("Unknown error", UpscliError.of(new NutException(NutError.INVALID_ARGUMENT)), "upsclient has no text for it");
        assertEquals("Unknown error", UpscliError.ofServerText("SOMETHING-NEW"));
        assertEquals("No such host", UpscliError.of(new UnknownHostException("x")));
        assertEquals("Connection failure: Connection refused", UpscliError.of(new ConnectException("Connection refused")));
        assertEquals("Connection failure: Connection refused", UpscliError.of(new ConnectException("Connection refused (Connection refused)")));
        assertEquals("Server disconnected", UpscliError.of(new EOFException("closed")));
        assertEquals("Server disconnected", UpscliError.of(new IOException("no answer", new SocketTimeoutException())));
        assertEquals("Connection failure: Connection timed out", UpscliError.of(new SocketTimeoutException("connect timed out")));
    }

    @Test
    void upsArguments() {
        assertEquals("demo", UpsArg.ups("demo@h:1", "bad").ups());
        assertEquals("bad", assertThrows(Fatal.class, () -> UpsArg.ups(null, "bad")).getMessage());
        assertEquals("upscli_splitaddr: can't parse empty string\nbad", assertThrows(Fatal.class, () -> UpsArg.ups("demo@", "bad")).getMessage());
        assertEquals("bad", assertThrows(Fatal.class, () -> UpsArg.ups("@host", "bad")).getMessage());
        assertEquals("localhost", UpsArg.host(null).host());
        assertEquals(13493, UpsArg.host("[::1]:13493").port());
    }

    @Test
    void knutCliAloneListsTheTools() {
        var r = Tools.knut();
        assertEquals(2, r.exitCode());
        assertEquals("usage: knut-cli upsc|upscmd|upsrw|upslog [ARGS...]\n", r.stderr());
        var help = Tools.knut("--help");
        assertEquals(0, help.exitCode());
        var unknown = Tools.knut("upsx");
        assertEquals(2, unknown.exitCode());
    }
}
