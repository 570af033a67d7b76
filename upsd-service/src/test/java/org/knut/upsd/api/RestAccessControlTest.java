package org.knut.upsd.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.core.testing.Await;
import org.knut.upsd.audit.AuditLog;
import org.knut.upsd.testing.LogCapture;
import org.knut.upsd.testing.RawClient;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * REST and the NUT port share one authentication path: the same login throttle per address, the same
 * audit log, and no password in the log at any level.
 */
@QuarkusTest
@TestProfile(RestAccessControlTest.Throttled.class)
@QuarkusTestResource(value = FakeDriverResource.class, restrictToAnnotatedClass = true)
class RestAccessControlTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "0ps-Pw-5b7e";
    private static final String WRONG = "Wr0ng-Pw-c3d9";

    /** Three failures block an address for two seconds; a user "ops" with a password found nowhere else. */
    public static class Throttled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("knut.upsd.login-failures.max", "3", "knut.upsd.login-failures.block", "2s",
                    "knut.upsd.users.ops.password", PASSWORD, "knut.upsd.users.ops.actions", "SET",
                    "knut.upsd.users.ops.instcmds", "ALL");
        }
    }

    @BeforeEach
    void driverConnected() {
        Await.until("demo served", WAIT, () -> given().get("/api/v1/ups").then().extract().path("[0].state").equals("OK"));
    }

    private static int instcmd(String password) {
        return given().auth().preemptive().basic("ops", password).post("/api/v1/ups/demo/commands/load.off")
                .then().extract().statusCode();
    }

    @Test
    void failuresOnEitherPortThrottleBothAndEveryChangeIsAuditedWithoutPasswords() throws Exception {
        // the test's own HTTP client (Apache HttpClient under rest-assured) logs the headers it sends
        try (LogCapture everything = LogCapture.everythingBut("org.apache.http"); LogCapture audit = LogCapture.of(AuditLog.CATEGORY)) {
            String tracking = given().auth().preemptive().basic("ops", PASSWORD).contentType(ContentType.JSON)
                    .body("{\"value\":\"30\"}").put("/api/v1/ups/demo/variables/ups.delay.shutdown")
                    .then().statusCode(202).extract().path("tracking");
            assertEquals(401, instcmd(WRONG));
            assertEquals(401, instcmd(WRONG));
            try (RawClient nut = new RawClient(FakeDriverResource.nutPort)) {
                assertEquals("OK", nut.ask("USERNAME ops"));
                assertEquals("OK", nut.ask("PASSWORD " + WRONG));
                assertEquals("ERR ACCESS-DENIED", nut.ask("INSTCMD demo load.off")); // the third failure
            }
            // blocked: the right password is refused on both ports, as a wrong one would be
            assertEquals(401, instcmd(PASSWORD));
            try (RawClient nut = new RawClient(FakeDriverResource.nutPort)) {
                assertEquals("OK", nut.ask("USERNAME ops"));
                assertEquals("OK", nut.ask("PASSWORD " + PASSWORD));
                assertEquals("ERR ACCESS-DENIED", nut.ask("INSTCMD demo load.off"));
            }
            Await.until("the block to end", WAIT, () -> instcmd(PASSWORD) == 202);

            // the driver's answers come as lines of their own, whenever they come
            Await.until("the SET's result in the audit log", WAIT,
                    () -> audit.messages().contains("tracking=" + tracking + " result=SUCCESS"));
            List<String> lines = audit.messages().stream().filter(l -> !l.startsWith("tracking=")).toList();
            assertEquals("user=ops from=127.0.0.1 via=rest ups=demo action=SET var=ups.delay.shutdown value=30 result=OK"
                    + " tracking=" + tracking, lines.get(0));
            assertEquals("user=ops from=127.0.0.1 via=rest ups=demo action=INSTCMD cmd=load.off result=\"ERR ACCESS-DENIED\"",
                    lines.get(1));
            assertEquals("user=ops from=127.0.0.1 via=nut ups=demo action=INSTCMD cmd=load.off result=\"ERR ACCESS-DENIED\"",
                    lines.get(3));
            assertTrue(lines.get(lines.size() - 1).matches(
                    "user=ops from=127.0.0.1 via=rest ups=demo action=INSTCMD cmd=load.off result=OK tracking=[0-9A-F-]+"),
                    lines.get(lines.size() - 1));
            assertEquals(1, everything.messages().stream().filter(m -> m.contains("failed logins from 127.0.0.1")).count());
            for (String secret : List.of(PASSWORD, WRONG, basic(PASSWORD), basic(WRONG))) {
                List<String> leaks = everything.messages().stream().filter(m -> m.contains(secret)).toList();
                assertTrue(leaks.isEmpty(), "a password in the log: " + leaks);
            }
        }
    }

    private static String basic(String password) {
        return Base64.getEncoder().encodeToString(("ops:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
