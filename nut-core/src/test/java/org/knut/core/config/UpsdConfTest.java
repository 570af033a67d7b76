package org.knut.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpsdConfTest {

    @Test
    void defaultsWhenEmpty() throws Exception {
        UpsdConf c = UpsdConf.parse("upsd.conf", "");
        assertEquals(15, c.maxAge());
        assertEquals(3600, c.trackingDelay());
        assertEquals(0, c.maxConn());
        assertFalse(c.allowNoDevice());
        assertNull(c.statePath());
        assertEquals(List.of(new UpsdConf.Listen("127.0.0.1", 3493)), c.listenOrDefault());
        assertEquals(UpsdConf.defaults(), c);
    }

    @Test
    void everyDirective() throws Exception {
        UpsdConf c = UpsdConf.parse("upsd.conf", """
                # NUT 2.8 upsd.conf
                MAXAGE 20
                TRACKINGDELAY 60
                ALLOW_NO_DEVICE true
                ALLOW_NOT_ALL_LISTENERS 1
                STATEPATH /run/nut
                DATAPATH /usr/share/nut
                LISTEN 127.0.0.1 3493
                LISTEN ::1
                LISTEN * 13493
                MAXCONN 1024
                CERTFILE /etc/nut/cert.pem
                CERTPATH /etc/nut/certs
                CERTIDENT "my cert" "key pass"
                CERTREQUEST 2
                DISABLE_WEAK_SSL yes
                DEBUG_MIN 2
                maxage 25
                """);
        assertEquals(25, c.maxAge(), "directives are case-insensitive, the last wins");
        assertEquals(60, c.trackingDelay());
        assertTrue(c.allowNoDevice());
        assertTrue(c.allowNotAllListeners());
        assertEquals("/run/nut", c.statePath());
        assertEquals("/usr/share/nut", c.dataPath());
        assertEquals(List.of(new UpsdConf.Listen("127.0.0.1", 3493), new UpsdConf.Listen("::1", 3493),
                new UpsdConf.Listen("*", 13493)), c.listen());
        assertEquals(c.listen(), c.listenOrDefault());
        assertEquals(1024, c.maxConn());
        assertEquals("/etc/nut/cert.pem", c.certFile());
        assertEquals("/etc/nut/certs", c.certPath());
        assertEquals(2, c.certRequest());
        assertTrue(c.disableWeakSsl());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MAXAGE abc|2|not a number",
            "MAXAGE 0|2|out of range",
            "MAXAGE|2|needs a number",
            "LISTEN|2|LISTEN takes",
            "LISTEN 1.2.3.4 70000|2|out of range",
            "LISTEN a b c|2|LISTEN takes",
            "CERTREQUEST 3|2|out of range",
            "ALLOW_NO_DEVICE maybe|2|not a boolean",
            "STATEPATH a b|2|takes one value",
            "FROBNICATE 1|2|unknown upsd.conf directive"})
    void errorsNameFileLineAndReason(String badLine, int line, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> UpsdConf.parse("upsd.conf", "MAXCONN 10\n" + badLine + "\n"));
        assertEquals("upsd.conf", e.file());
        assertEquals(line, e.line());
        assertTrue(e.reason().contains(reason), e.reason());
        assertTrue(e.getMessage().startsWith("upsd.conf line " + line + ": "), e.getMessage());
    }
}
