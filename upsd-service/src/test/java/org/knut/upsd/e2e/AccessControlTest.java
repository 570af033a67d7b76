package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.ConfigException;
import org.knut.core.testing.Await;
import org.knut.upsd.audit.AuditLog;
import org.knut.upsd.config.SettingsLoader;
import org.knut.upsd.config.UpsdSettings;
import org.knut.upsd.testing.KnutUpsd;
import org.knut.upsd.testing.LogCapture;
import org.knut.upsd.testing.RawClient;
import org.knut.upsd.testing.ScriptedUpsd;

/**
 * Access control on the NUT port: login failure throttling per address, the audit log of changes, and
 * passwords that never reach the log (everything is captured at TRACE while logins succeed and fail).
 */
class AccessControlTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ADMIN_PASSWORD = "Adm1n-Pw-9f2c";
    private static final String MON_PASSWORD = "M0n-Pw-4e1a";
    private static final String WRONG_PASSWORD = "Wr0ng-Pw-77d0";

    @TempDir
    Path conf;

    private ScriptedUpsd upsd;
    private KnutUpsd knut;
    private LogCapture everything;

    @BeforeEach
    void start() throws Exception {
        everything = LogCapture.everythingBut();
        Files.writeString(conf.resolve("upsd.users"), """
                [admin]
                \tpassword = "%s"
                \tactions = SET FSD
                \tinstcmds = ALL
                [mon]
                \tpassword = %s
                \tupsmon primary
                """.formatted(ADMIN_PASSWORD, MON_PASSWORD));
        upsd = ScriptedUpsd.start(conf, List.of("SETINFO ups.status \"OL\"", "SETINFO ups.id \"rack-1\"",
                "SETFLAGS ups.id RW STRING", "SETAUX ups.id 16", "ADDCMD load.off", "DATAOK", "DUMPDONE"),
                Map.of("knut.upsd.login-failures.max", "3", "knut.upsd.login-failures.block", "1s"), WAIT);
        knut = upsd.knut();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (upsd != null) {
                upsd.close();
            }
        } finally {
            everything.close();
            assertNoPassword(everything.text());
        }
    }

    private static void assertNoPassword(String log) {
        for (String p : List.of(ADMIN_PASSWORD, MON_PASSWORD, WRONG_PASSWORD)) {
            assertFalse(log.contains(p), "a password in the log:\n" + log);
        }
    }

    private RawClient user(String localAddress, String name, String password) throws IOException {
        RawClient c = new RawClient(knut.port(), localAddress);
        assertEquals("OK", c.ask("USERNAME " + name));
        assertEquals("OK", c.ask("PASSWORD " + password));
        return c;
    }

    @Test
    void anAddressFailingTooOftenIsRefusedForTheBlockTimeOnly() throws Exception {
        try (RawClient guesser = user("127.0.0.1", "admin", WRONG_PASSWORD)) {
            for (int i = 0; i < 3; i++) {
                assertEquals("ERR ACCESS-DENIED", guesser.ask("LOGIN demo"));
            }
        }
        try (RawClient sameAddress = user("127.0.0.1", "mon", MON_PASSWORD);
                RawClient otherAddress = user("127.0.0.2", "mon", MON_PASSWORD)) {
            // the right password gets the same answer as a wrong one while the address is blocked
            assertEquals("ERR ACCESS-DENIED", sameAddress.ask("LOGIN demo"));
            assertEquals("ERR ACCESS-DENIED", sameAddress.ask("LOGIN demo"));
            assertEquals("OK", otherAddress.ask("LOGIN demo"), "other addresses are not affected");
            Await.until("the block to end", WAIT, () -> {
                try {
                    return sameAddress.ask("LOGIN demo").equals("OK");
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
        long warnings = everything.messages().stream().filter(m -> m.contains("failed logins from 127.0.0.1")).count();
        assertEquals(1, warnings, "the block is logged once");
    }

    @Test
    void everyChangeRequestIsAuditedWithWhoWhereWhatAndResult() throws Exception {
        try (LogCapture audit = LogCapture.of(AuditLog.CATEGORY);
                RawClient admin = user("127.0.0.1", "admin", ADMIN_PASSWORD);
                RawClient mon = user("127.0.0.2", "mon", MON_PASSWORD)) {
            assertEquals("OK", admin.ask("SET VAR demo ups.id \"rack 2\""));
            assertEquals("ERR ACCESS-DENIED", mon.ask("INSTCMD demo load.off"));
            assertEquals("OK", admin.ask("SET TRACKING ON"));
            String tracked = admin.ask("INSTCMD demo load.off 30");
            assertTrue(tracked.startsWith("OK TRACKING "), tracked);
            assertEquals("OK FSD-SET", admin.ask("FSD demo"));
            assertEquals(List.of(
                    "user=admin from=127.0.0.1 via=nut ups=demo action=SET var=ups.id value=\"rack 2\" result=OK",
                    "user=mon from=127.0.0.2 via=nut ups=demo action=INSTCMD cmd=load.off result=\"ERR ACCESS-DENIED\"",
                    "user=admin from=127.0.0.1 via=nut ups=demo action=INSTCMD cmd=load.off param=30 result=OK tracking="
                            + tracked.substring("OK TRACKING ".length()),
                    "user=admin from=127.0.0.1 via=nut ups=demo action=FSD result=OK"), audit.messages());
        }
    }

    @Test
    void configErrorsNeverShowAPassword() throws Exception {
        Path bad = Files.createDirectories(conf.resolve("bad"));
        Files.writeString(bad.resolve("ups.conf"), "[demo]\n\tdriver = scripted\n\tport = none\n");
        Files.writeString(bad.resolve("upsd.users"), "[admin]\n\tpassword = " + ADMIN_PASSWORD + " " + MON_PASSWORD + "\n");
        ConfigException fileError = assertThrows(ConfigException.class, () -> load(bad, Map.of()));
        assertFalse(fileError.getMessage().contains(ADMIN_PASSWORD), fileError.getMessage());
        Files.delete(bad.resolve("upsd.users"));
        ConfigException keyError = assertThrows(ConfigException.class, () -> load(bad, Map.of(
                "knut.upsd.users.op.password", WRONG_PASSWORD, "knut.upsd.users.op.upsmon", "boss")));
        assertEquals("knut.upsd.users.op.upsmon", keyError.file());
        assertFalse(keyError.getMessage().contains(WRONG_PASSWORD), keyError.getMessage());
        // and a good configuration: its users are read, and their text shows no password either
        String users = load(bad, Map.of("knut.upsd.users.op.password", WRONG_PASSWORD)).users().users().toString();
        assertTrue(users.contains("op"), users);
        assertNoPassword(users);
    }

    private static UpsdSettings load(Path dir, Map<String, String> keys) throws ConfigException {
        Map<String, String> all = new HashMap<>(keys);
        all.put("knut.conf-path", dir.toString());
        all.put("knut.state-path", dir.toString());
        all.put("knut.data-path", dir.toString());
        return new SettingsLoader(k -> Optional.ofNullable(all.get(k)), all.keySet(), Map.of()).load();
    }
}
