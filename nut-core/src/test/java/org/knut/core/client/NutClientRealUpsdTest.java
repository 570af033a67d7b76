package org.knut.core.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;
import org.knut.core.sock.TrackingResult;
import org.knut.core.testing.Await;
import org.knut.core.testing.FakeDriver;
import org.knut.core.testing.NutSandbox;

/**
 * Every NutClient method against a real NUT 2.8 upsd: the sandbox's dummy-ups UPS {@code demo}, plus
 * {@code rich} (enums, ranges, string lengths, several commands) and {@code victim} (FSD, stale data,
 * driver loss) served by nut-core's own driver-socket model through {@link FakeDriver}.
 */
class NutClientRealUpsdTest {
    static NutSandbox sandbox;
    static final UpsState rich = new UpsState();
    static final UpsState victim = new UpsState();
    static FakeDriver richDriver;

    @BeforeAll
    static void start() throws IOException {
        sandbox = NutSandbox.start();
        rich.setInfo("ups.status", "OL");
        rich.setInfo("device.model", "Fake \"quoted\" # model \\ here");
        rich.setInfo("input.transfer.high", "140");
        rich.setFlags("input.transfer.high", EnumSet.of(VarFlag.RW));
        rich.addRange("input.transfer.high", new Range("130", "150"));
        rich.addRange("input.transfer.high", new Range("160", "170"));
        rich.setInfo("output.voltage.nominal", "230");
        rich.setFlags("output.voltage.nominal", EnumSet.of(VarFlag.RW, VarFlag.NUMBER));
        for (String v : List.of("220", "230", "240")) {
            rich.addEnum("output.voltage.nominal", v);
        }
        rich.setInfo("ups.id", "rack one");
        rich.setFlags("ups.id", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        rich.setAux("ups.id", 16);
        rich.setInfo("battery.mode", "auto");
        rich.setFlags("battery.mode", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        rich.setAux("battery.mode", 8);
        rich.addEnum("battery.mode", "auto");
        rich.addEnum("battery.mode", "manual");
        for (String c : List.of("test.battery.start", "load.off.delay", "beeper.toggle")) {
            rich.addCommand(c);
        }
        richDriver = sandbox.addFakeUps("rich", "Rich fake UPS", rich);
        victim.setInfo("ups.status", "OL");
        sandbox.addFakeUps("victim", "Victim", victim);
        sandbox.addUpsWithoutDriver("ghost");
    }

    @AfterAll
    static void stop() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static NutClient admin() throws IOException, NutException {
        NutClient c = sandbox.client();
        c.authenticate(NutSandbox.ADMIN, NutSandbox.ADMIN_PASSWORD);
        return c;
    }

    private static NutError errorOf(ThrowingCall call) {
        return assertThrows(NutException.class, call::run).error();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void getReadsOneVariable() throws Exception {
        try (NutClient c = sandbox.client()) {
            assertEquals("OL", c.get("demo", "ups.status"));
            assertEquals("Dummy Online 1500", c.get("demo", "device.model"));
            assertEquals("Fake \"quoted\" # model \\ here", c.get("rich", "device.model"), "escapes survive upsd");
        }
    }

    @Test
    void listVarsReturnsWhatTheDriverPublished() throws Exception {
        try (NutClient c = sandbox.client()) {
            Map<String, String> vars = c.listVars("rich");
            Map<String, String> expected = new LinkedHashMap<>();
            for (Variable v : rich.variables()) {
                expected.put(v.name(), v.value());
            }
            // upsd adds its own driver.* / ups.* bookkeeping only for real drivers; compare what we sent
            for (Map.Entry<String, String> e : expected.entrySet()) {
                assertEquals(e.getValue(), vars.get(e.getKey()), e.getKey());
            }
            Map<String, String> demo = c.listVars("demo");
            assertEquals("100", demo.get("battery.charge"));
            assertEquals("dummy-ups", demo.get("driver.name"));
        }
    }

    @Test
    void listRwListsOnlyWritableVariables() throws Exception {
        try (NutClient c = sandbox.client()) {
            Map<String, String> expected = new LinkedHashMap<>();
            for (Variable v : rich.variables()) {
                if (v.writable()) {
                    expected.put(v.name(), v.value());
                }
            }
            assertEquals(Set.of("input.transfer.high", "output.voltage.nominal", "ups.id", "battery.mode"), expected.keySet());
            assertEquals(expected, c.listRw("rich"));
        }
    }

    @Test
    void listCommandsEnumsAndRanges() throws Exception {
        try (NutClient c = sandbox.client()) {
            assertEquals(Set.of("test.battery.start", "load.off.delay", "beeper.toggle"), Set.copyOf(c.listCommands("rich")));
            assertEquals(List.of("load.off"), c.listCommands("demo"));
            assertEquals(List.of("220", "230", "240"), c.listEnum("rich", "output.voltage.nominal"));
            assertEquals(List.of(), c.listEnum("rich", "ups.id"));
            List<String[]> ranges = c.listRange("rich", "input.transfer.high");
            assertEquals(2, ranges.size());
            assertArrayEquals(new String[] {"130", "150"}, ranges.get(0));
            assertArrayEquals(new String[] {"160", "170"}, ranges.get(1));
        }
    }

    @Test
    void getTypeMatchesVariableTypeWords() throws Exception {
        try (NutClient c = sandbox.client()) {
            for (Variable v : rich.variables()) {
                assertEquals(v.typeWords(), String.join(" ", c.getType("rich", v.name())), v.name());
            }
            assertEquals(List.of("RW", "ENUM", "NUMBER"), c.getType("rich", "output.voltage.nominal"));
            assertEquals(List.of("RW", "RANGE", "NUMBER"), c.getType("rich", "input.transfer.high"));
            assertEquals(List.of("RW", "STRING:16"), c.getType("rich", "ups.id"));
            assertEquals(List.of("NUMBER"), c.getType("rich", "ups.status"));
        }
    }

    @Test
    void descriptions() throws Exception {
        try (NutClient c = sandbox.client()) {
            assertEquals("Battery charge (percent of full)", c.getDesc("demo", "battery.charge"));
            assertEquals("Turn off the load immediately", c.getCmdDesc("demo", "load.off"));
            assertEquals("nut-sandbox demo", c.getUpsDesc("demo"));
            assertEquals("Rich fake UPS", c.getUpsDesc("rich"));
        }
    }

    @Test
    void listUpsGivesNamesAndDescriptions() throws Exception {
        try (NutClient c = sandbox.client()) {
            Map<String, String> ups = c.listUps();
            assertEquals("nut-sandbox demo", ups.get("demo"));
            assertEquals("Rich fake UPS", ups.get("rich"));
            assertEquals("Victim", ups.get("victim"));
            assertEquals("no driver", ups.get("ghost"));
        }
    }

    @Test
    void loginCountsAndListsTheClient() throws Exception {
        try (NutClient watcher = sandbox.client(); NutClient mon = sandbox.client()) {
            int before = watcher.numLogins("rich");
            mon.authenticate(NutSandbox.MONUSER, NutSandbox.MONUSER_PASSWORD);
            mon.login("rich");
            assertEquals(before + 1, watcher.numLogins("rich"));
            assertTrue(watcher.listClients("rich").contains("127.0.0.1"), "LIST CLIENT shows the logged-in client");
            assertEquals(NutError.ALREADY_LOGGED_IN, errorOf(() -> mon.login("rich")));
            mon.primary("rich");
            mon.logout();
            Await.until("NUMLOGINS to drop after LOGOUT", Duration.ofSeconds(5), () -> {
                try {
                    return watcher.numLogins("rich") == before;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void loginAndPrimaryNeedAnUpsmonUser() throws Exception {
        try (NutClient c = admin()) {
            assertEquals(NutError.ACCESS_DENIED, errorOf(() -> c.login("rich")));
            assertEquals(NutError.ACCESS_DENIED, errorOf(() -> c.primary("rich")));
        }
        try (NutClient c = sandbox.client()) {
            assertEquals(NutError.USERNAME_REQUIRED, errorOf(() -> c.login("rich")));
        }
    }

    @Test
    void instcmdWithoutTrackingReachesTheDriverWithItsParameter() throws Exception {
        try (NutClient c = admin()) {
            assertNull(c.instcmd("rich", "load.off.delay", "120"));
            assertNull(c.instcmd("rich", "test.battery.start", null));
        }
        Await.until("driver to receive both commands", Duration.ofSeconds(5),
                () -> richDriver.received().containsAll(List.of("INSTCMD load.off.delay 120", "INSTCMD test.battery.start")));
    }

    @Test
    void instcmdWithTrackingReportsTheDriverResult() throws Exception {
        richDriver.answer("beeper.toggle", TrackingResult.FAILED);
        try (NutClient c = admin()) {
            c.setTracking(true);
            String ok = c.instcmd("rich", "test.battery.start", null);
            String failed = c.instcmd("rich", "beeper.toggle", null);
            assertNotNull(ok);
            assertNotNull(failed);
            awaitTracking(c, ok, "SUCCESS");
            awaitTracking(c, failed, "ERR FAILED");
            c.setTracking(false);
            assertNull(c.instcmd("rich", "test.battery.start", null));
        }
    }

    @Test
    void setVarWithAndWithoutTracking() throws Exception {
        try (NutClient c = admin()) {
            assertNull(c.setVar("rich", "ups.id", "rack two"));
            awaitValue(c, "ups.id", "rack two");
            c.setTracking(true);
            String id = c.setVar("rich", "battery.mode", "manual");
            assertNotNull(id);
            awaitTracking(c, id, "SUCCESS");
            assertEquals("manual", c.get("rich", "battery.mode"));
            assertEquals("ERR UNKNOWN", c.trackingStatus("no-such-id"));
        }
    }

    @Test
    void setVarErrorsComeFromUpsdChecks() throws Exception {
        try (NutClient c = admin()) {
            assertEquals(NutError.READONLY, errorOf(() -> c.setVar("rich", "device.model", "x")));
            assertEquals(NutError.TOO_LONG, errorOf(() -> c.setVar("rich", "ups.id", "seventeen chars!!")));
            assertEquals(NutError.INVALID_VALUE, errorOf(() -> c.setVar("rich", "output.voltage.nominal", "250")));
            assertEquals(NutError.INVALID_VALUE, errorOf(() -> c.setVar("rich", "input.transfer.high", "155")));
            assertEquals(NutError.VAR_NOT_SUPPORTED, errorOf(() -> c.setVar("rich", "no.such", "1")));
            assertEquals(NutError.CMD_NOT_SUPPORTED, errorOf(() -> c.instcmd("rich", "no.such", null)));
        }
        try (NutClient c = sandbox.client()) {
            c.authenticate(NutSandbox.MONUSER, NutSandbox.MONUSER_PASSWORD);
            assertEquals(NutError.ACCESS_DENIED, errorOf(() -> c.setVar("rich", "ups.id", "x")));
            assertEquals(NutError.ACCESS_DENIED, errorOf(() -> c.instcmd("rich", "beeper.toggle", null)));
        }
    }

    @Test
    void protocolErrorsMapToNutError() throws Exception {
        try (NutClient c = sandbox.client()) {
            assertEquals(NutError.UNKNOWN_UPS, errorOf(() -> c.get("nosuch", "ups.status")));
            assertEquals(NutError.VAR_NOT_SUPPORTED, errorOf(() -> c.get("demo", "no.such.var")));
            assertEquals(NutError.UNKNOWN_UPS, errorOf(() -> c.listVars("nosuch")));
            assertEquals(NutError.INVALID_ARGUMENT, errorOf(() -> c.request("GET", "VAR", "demo")));
            assertEquals(NutError.UNKNOWN_COMMAND, errorOf(() -> c.request("FROBNICATE")));
            assertEquals(NutError.USERNAME_REQUIRED, errorOf(() -> c.instcmd("demo", "load.off", null)));
            assertEquals(NutError.USERNAME_REQUIRED, errorOf(() -> c.setTracking(true)));
            c.authenticate("nobody", "x");
            assertEquals(NutError.ALREADY_SET_USERNAME, errorOf(() -> c.request("USERNAME", "again")));
            assertEquals(NutError.ALREADY_SET_PASSWORD, errorOf(() -> c.request("PASSWORD", "again")));
            assertEquals(NutError.ACCESS_DENIED, errorOf(() -> c.instcmd("demo", "load.off", null)));
        }
    }

    @Test
    void versions() throws Exception {
        try (NutClient c = sandbox.client()) {
            assertTrue(c.version().startsWith("Network UPS Tools upsd 2.8"), c.version());
            assertEquals("1.3", c.protocolVersion());
        }
    }

    /** FSD latches and stale data, in this order on their own UPS; a UPS without driver. */
    @Test
    void fsdStaleDataAndMissingDriver() throws Exception {
        try (NutClient c = sandbox.client()) {
            c.authenticate(NutSandbox.MONUSER, NutSandbox.MONUSER_PASSWORD);
            c.fsd("victim");
            assertEquals("FSD OL", c.get("victim", "ups.status"));
        }
        try (NutClient c = sandbox.client()) {
            victim.setDataOk(false);
            Await.until("DATA-STALE", Duration.ofSeconds(5), () -> errorIs(c, NutError.DATA_STALE));
            assertEquals(NutError.DATA_STALE, errorOf(() -> c.listVars("victim")));
            victim.setDataOk(true);
            Await.until("fresh data", Duration.ofSeconds(5), () -> errorIs(c, null));
            assertEquals(NutError.DRIVER_NOT_CONNECTED, errorOf(() -> c.get("ghost", "ups.status")));
            assertEquals(NutError.DRIVER_NOT_CONNECTED, errorOf(() -> c.listVars("ghost")));
        }
    }

    private static boolean errorIs(NutClient c, NutError expected) {
        try {
            c.get("victim", "ups.status");
            return expected == null;
        } catch (NutException e) {
            return e.error() == expected;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitTracking(NutClient c, String id, String expected) {
        Await.until("tracking " + id + " = " + expected, Duration.ofSeconds(5), () -> {
            try {
                String s = c.trackingStatus(id);
                if (!s.equals("PENDING") && !s.equals(expected)) {
                    throw new AssertionError("tracking " + id + ": " + s + ", expected " + expected);
                }
                return s.equals(expected);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void awaitValue(NutClient c, String var, String expected) {
        Await.until(var + " = " + expected, Duration.ofSeconds(5), () -> {
            try {
                return c.get("rich", var).equals(expected);
            } catch (Exception e) {
                return false;
            }
        });
    }
}
