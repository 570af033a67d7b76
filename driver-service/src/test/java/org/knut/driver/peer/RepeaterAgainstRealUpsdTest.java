package org.knut.driver.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.Ports;
import org.knut.core.client.NutClient;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.runtime.DriverSession;
import org.knut.driver.spi.DriverException;
import org.knut.driver.testing.RealNut;
import org.knut.driver.testing.TestSections;

/**
 * dummy-ups in repeater mode, mirroring a UPS that Debian's real upsd serves from the real dummy-ups.
 * The real programs are started once for the class; tests that change the remote UPS put it back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeaterAgainstRealUpsdTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    private final RealNut nut = new RealNut();
    private int port;
    private Path state;
    private DriverSession session;

    @BeforeAll
    void startRealNut() throws Exception {
        state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("remote.dev"), """
                ups.mfr: APC
                ups.model: Smart-UPS 1500
                ups.status: OL
                ups.load: 32.5
                ups.alarm: Replace battery!
                ups.test.result: No test initiated
                battery.charge: 93
                """);
        Files.writeString(dir.resolve("ups.conf"), "[remote]\n\tdriver = dummy-ups\n\tport = remote.dev\n");
        if (port == 0) {
            port = Ports.free();
        }
        RealNut.writeUpsdConfig(dir, port);
        nut.startDummyUps(dir, state, "remote");
        Await.until("real dummy-ups socket", TIMEOUT, () -> Files.exists(state.resolve("dummy-ups-remote")));
        nut.startUpsd(dir, state);
        Await.until("real upsd", TIMEOUT, () -> remoteValue("ups.status") != null);
    }

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @AfterAll
    void stopRealNut() throws InterruptedException {
        nut.close();
    }

    private String remoteValue(String var) {
        try (NutClient c = NutClient.connect("127.0.0.1", port)) {
            String v = c.get("remote", var);
            return v.equals("WAIT") ? null : v;
        } catch (Exception e) {
            return null;
        }
    }

    private DriverSession repeater(String... settings) throws Exception {
        session = new DriverSession(TestSections.dummy(dir, "mirror", "remote@127.0.0.1:" + port, settings),
                TestSections.REGISTRY.find("dummy-ups"), dir, Clock.systemUTC());
        session.start();
        return session;
    }

    private Variable var(String name) {
        return session.state().upsState().get(name);
    }

    @Test
    void mirrorsVariablesTypesAndCommands() throws Exception {
        repeater();
        assertEquals("repeater", session.state().value("driver.parameter.mode"));
        Map<String, String> remote = new TreeMap<>();
        try (NutClient c = NutClient.connect("127.0.0.1", port)) {
            remote.putAll(c.listVars("remote"));
        }
        for (Map.Entry<String, String> e : remote.entrySet()) {
            if (!e.getKey().startsWith("driver.")) {
                assertEquals(e.getValue(), session.state().value(e.getKey()), e.getKey());
            }
        }
        assertEquals("dummy-ups", session.state().value("driver.name"));
        assertEquals("remote@127.0.0.1:" + port, session.state().value("driver.parameter.port"));
        // the real dummy-ups makes its variables writable; upsd reports their types, which are copied
        assertEquals(EnumSet.of(VarFlag.RW, VarFlag.STRING), var("ups.test.result").flags());
        assertEquals(16, var("ups.test.result").aux());
        assertTrue(var("ups.load").flags().contains(VarFlag.RW), var("ups.load").toString());
        assertFalse(var("ups.load").flags().contains(VarFlag.STRING));
        assertEquals(Set.of(), var("device.type").flags(), "read-only remotely, read-only here");
        assertEquals(Set.of("load.off"), session.state().upsState().commands());
    }

    @Test
    void forwardsSetAndInstcmdWithTheRemoteResult() throws Exception {
        repeater("username=admin", "password=adminpass");
        assertNull(session.state().value("driver.parameter.password"), "secrets are not published");
        assertEquals(TrackingResult.HANDLED, session.setvar("ups.status", "OB LB"));
        assertEquals("OB LB", remoteValue("ups.status"));
        assertEquals("OB LB", session.state().value("ups.status"));
        assertEquals(TrackingResult.HANDLED, session.setvar("ups.status", "OL"));
        assertEquals(TrackingResult.UNKNOWN, session.instcmd("load.off", null), "the real dummy-ups' answer, tracked");
        assertEquals(TrackingResult.UNKNOWN, session.instcmd("no.such.command", null), "upsd: CMD-NOT-SUPPORTED");
    }

    @Test
    void setWithoutCredentialsFails() throws Exception {
        repeater();
        String before = remoteValue("ups.status");
        assertEquals(TrackingResult.FAILED, session.setvar("ups.status", "OB"));
        assertEquals(before, remoteValue("ups.status"));
    }

    @Test
    void followsRemoteChangesAndDeletions() throws Exception {
        repeater();
        assertEquals("Replace battery!", session.state().value("ups.alarm"));
        // through upsd: NUT 2.8.0's dummy-ups crashes when a client of its socket hangs up before a broadcast
        setRemote("ups.alarm", ""); // the real dummy-ups deletes a variable set to ""
        setRemote("battery.charge", "40");
        Await.until("remote change visible", TIMEOUT, () -> "40".equals(remoteValue("battery.charge")));
        session.update();
        assertEquals("40", session.state().value("battery.charge"));
        assertNull(session.state().value("ups.alarm"));
        setRemote("battery.charge", "93"); // ups.alarm stays gone: only the data file could bring it back
    }

    private void setRemote(String var, String value) throws Exception {
        try (NutClient c = NutClient.connect("127.0.0.1", port)) {
            c.authenticate("admin", "adminpass");
            c.setVar("remote", var, value);
        }
    }

    @Test
    void unreachableUpsdMakesDataStaleAndRecovers() throws Exception {
        repeater();
        nut.close();
        assertThrows(DriverException.class, session::update);
        assertFalse(session.state().upsState().dataOk());
        startRealNut(); // same port again
        session.update();
        assertTrue(session.state().upsState().dataOk());
    }

    @Test
    void nobodyListeningFailsTheStart() throws Exception {
        int closed = Ports.free();
        session = new DriverSession(TestSections.dummy(dir, "mirror", "remote@127.0.0.1:" + closed),
                TestSections.REGISTRY.find("dummy-ups"), dir, Clock.systemUTC());
        DriverException e = assertThrows(DriverException.class, session::start);
        assertTrue(e.getMessage().contains("remote@127.0.0.1:" + closed), e.getMessage());
    }
}
