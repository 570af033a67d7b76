package org.knut.upsd.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knut.core.protocol.NutError;
import org.knut.core.sock.TrackingResult;
import org.knut.upsd.control.Requester;
import org.knut.upsd.testing.LogCapture;

/** The audit line's fields, quoting, and what it must never contain. */
class AuditLogTest {
    @Test
    void oneLinePerRequestWithWhoFromWhereWhatAndResult() {
        try (LogCapture log = LogCapture.of(AuditLog.CATEGORY)) {
            AuditLog.request(new Requester("admin", "s3cret-pw", "10.0.0.7", "nut"), "demo", "INSTCMD", null, null,
                    "cmd", "load.off", "param", null);
            AuditLog.request(new Requester("admin", "s3cret-pw", "::1", "rest"), "demo", "SET", NutError.INVALID_VALUE,
                    null, "var", "input.transfer.low", "value", "999");
            AuditLog.request(new Requester(null, null, "10.0.0.8", "nut"), "demo", "FSD", NutError.ACCESS_DENIED, null);
            AuditLog.request(new Requester("admin", "s3cret-pw", "10.0.0.7", "rest"), "demo", "SET", null,
                    "0A1B-2C", "var", "ups.id", "value", "");
            AuditLog.completed("0A1B-2C", TrackingResult.FAILED);
            assertEquals(List.of(
                    "user=admin from=10.0.0.7 via=nut ups=demo action=INSTCMD cmd=load.off result=OK",
                    "user=admin from=::1 via=rest ups=demo action=SET var=input.transfer.low value=999 result=\"ERR INVALID-VALUE\"",
                    "user=- from=10.0.0.8 via=nut ups=demo action=FSD result=\"ERR ACCESS-DENIED\"",
                    "user=admin from=10.0.0.7 via=rest ups=demo action=SET var=ups.id value=\"\" result=OK tracking=0A1B-2C",
                    "tracking=0A1B-2C result=\"ERR FAILED\""), log.messages());
        }
    }

    @Test
    void clientTextIsQuotedAndCannotBreakTheLine() {
        try (LogCapture log = LogCapture.of(AuditLog.CATEGORY)) {
            AuditLog.request(new Requester("ev\"il\nuser=root", "pw", "10.0.0.7", "rest"), "demo", "SET", null, null,
                    "var", "ups.id", "value", "a b\\c\r\n\u2028-");
            assertEquals(List.of("user=\"ev\\\"il\\u000auser=root\" from=10.0.0.7 via=rest ups=demo action=SET var=ups.id"
                    + " value=\"a b\\\\c\\u000d\\u000a\\u2028-\" result=OK"), log.messages());
        }
    }

    @Test
    void theRequesterNeverShowsItsPassword() {
        assertEquals("Requester[admin from 10.0.0.7 via nut]",
                new Requester("admin", "s3cret-pw", "10.0.0.7", "nut").toString());
    }
}
