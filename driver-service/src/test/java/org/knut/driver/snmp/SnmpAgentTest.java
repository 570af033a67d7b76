package org.knut.driver.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knut.core.model.UpsState;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;
import org.knut.driver.testing.MutableClock;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;

/**
 * Our snmp-ups against an agent in this JVM: SNMPv3 security, SETs as the agent receives them, an
 * agent that stops answering, and answers of the wrong type.
 */
class SnmpAgentTest {
    private static final String APC = TestAgent.APC;

    private final MutableClock clock = new MutableClock(1_000_000);
    private TestAgent agent;
    private UpsDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    private DriverState start(Map<String, String> options) throws DriverException {
        Map<String, String> o = new HashMap<>(options);
        // long enough for SNMPv3's key derivation on a busy machine; the silent-agent tests wait it out
        o.putIfAbsent("snmp_timeout", "3");
        o.putIfAbsent("snmp_retries", "0");
        DriverSetup setup = new DriverSetup("ups1", "127.0.0.1:" + agent.port(), o, Set.of(), Path.of("/nonexistent"),
                Duration.ofSeconds(2), clock);
        driver = new SnmpUpsFactory().create(setup);
        DriverState state = new DriverState(new UpsState(), Set.of(), false);
        driver.init(state);
        driver.update(state);
        return state;
    }

    private static Map<String, String> v3(String level, String auth, String authPass, String priv, String privPass) {
        Map<String, String> o = new HashMap<>(Map.of("snmp_version", "v3", "secLevel", level, "secName", "nutmon"));
        if (auth != null) {
            o.put("authProtocol", auth);
            o.put("authPassword", authPass);
        }
        if (priv != null) {
            o.put("privProtocol", priv);
            o.put("privPassword", privPass);
        }
        return o;
    }

    private static UsmUser user(OID auth, String authPass, OID priv, String privPass) {
        return new UsmUser(new OctetString("nutmon"), auth, authPass == null ? null : new OctetString(authPass), priv,
                privPass == null ? null : new OctetString(privPass));
    }

    @Test
    void v3AuthPrivWithShaAndAes() throws Exception {
        agent = TestAgent.start("public", user(AuthSHA.ID, "auth-secret-1", PrivAES128.ID, "priv-secret-1")).apcSmartUps();
        DriverState s = start(v3("authPriv", "SHA", "auth-secret-1", "AES", "priv-secret-1"));
        assertEquals("Smart-UPS 1500", s.value("ups.model"));
        assertEquals("229.40", s.value("input.voltage"));
        assertEquals("OB LB", s.value("ups.status"));
        assertEquals("apcc MIB 1.6", s.value("driver.version.data"));
    }

    @Test
    void v3DefaultsAreMd5AndDes() throws Exception {
        agent = TestAgent.start("public", user(AuthMD5.ID, "auth-secret-2", PrivDES.ID, "priv-secret-2")).apcSmartUps();
        // without protocols NUT uses MD5 and DES: only the pass phrases are needed
        Map<String, String> o = v3("authPriv", null, null, null, null);
        o.put("authPassword", "auth-secret-2");
        o.put("privPassword", "priv-secret-2");
        assertEquals("87", start(o).value("battery.charge"));
    }

    @Test
    void v3Sha256Aes256AndAuthNoPriv() throws Exception {
        agent = TestAgent.start("public", user(AuthHMAC192SHA256.ID, "auth-secret-3", PrivAES256.ID, "priv-secret-3")).apcSmartUps();
        assertEquals("87", start(v3("authPriv", "SHA256", "auth-secret-3", "AES256", "priv-secret-3")).value("battery.charge"));
        driver.close();
        assertEquals("87", start(v3("authNoPriv", "SHA256", "auth-secret-3", null, null)).value("battery.charge"));
    }

    @Test
    void v3Sha512Aes192AndNoAuthNoPriv() throws Exception {
        agent = TestAgent.start("public", user(AuthHMAC384SHA512.ID, "auth-secret-5", PrivAES192.ID, "priv-secret-5")).apcSmartUps();
        assertEquals("87", start(v3("authPriv", "SHA512", "auth-secret-5", "AES192", "priv-secret-5")).value("battery.charge"));
        driver.close();
        agent.close();
        agent = TestAgent.start("public", user(null, null, null, null)).apcSmartUps();
        assertEquals("87", start(v3("noAuthNoPriv", null, null, null, null)).value("battery.charge"));
    }

    @Test
    void v3WrongCredentialsGiveAClearError() throws Exception {
        agent = TestAgent.start("public", user(AuthSHA.ID, "auth-secret-4", PrivAES128.ID, "priv-secret-4")).apcSmartUps();
        DriverException wrongAuth = assertThrows(DriverException.class,
                () -> start(v3("authPriv", "SHA", "not-the-password", "AES", "priv-secret-4")));
        assertTrue(wrongAuth.getMessage().contains("authPassword"), wrongAuth.getMessage());
        Map<String, String> unknownUser = v3("authPriv", "SHA", "auth-secret-4", "AES", "priv-secret-4");
        unknownUser.put("secName", "intruder");
        DriverException unknown = assertThrows(DriverException.class, () -> start(unknownUser));
        assertTrue(unknown.getMessage().contains("secName"), unknown.getMessage());
        DriverException wrongPriv = assertThrows(DriverException.class,
                () -> start(v3("authPriv", "SHA", "auth-secret-4", "AES", "not-the-priv-secret")));
        assertTrue(wrongPriv.getMessage().contains("privPassword"), wrongPriv.getMessage());
    }

    @Test
    void v3SettingsAreCheckedAsNutChecksThem() {
        agent = null;
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> SnmpSettings.parse("127.0.0.1", Map.of("snmp_version", "v3")));
        assertEquals("securityName is required for SNMPv3", noName.getMessage());
        IllegalArgumentException noPriv = assertThrows(IllegalArgumentException.class, () -> SnmpSettings.parse("127.0.0.1",
                Map.of("snmp_version", "v3", "secName", "u", "secLevel", "authPriv", "authPassword", "12345678")));
        assertEquals("authPassword and privPassword are required for SNMPv3 in authPriv mode", noPriv.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SnmpSettings.parse("127.0.0.1",
                Map.of("snmp_version", "v3", "secName", "u", "secLevel", "authNoPriv", "authPassword", "12345678", "authProtocol", "SHA1")));
        assertThrows(IllegalArgumentException.class, () -> SnmpSettings.parse("127.0.0.1", Map.of("snmp_version", "v4")));
    }

    @Test
    void instantCommandsAndSetReachTheAgentWithTheRightOidTypeAndValue() throws Exception {
        agent = TestAgent.start("private", null).apcSmartUps().putReadOnly(APC + "6.2.4.0", new Integer32(1))
                .put(".1.3.6.1.2.1.1.4.0", new OctetString("nobody"));
        DriverState s = start(Map.of("community", "private", "snmp_version", "v2c"));
        assertTrue(s.upsState().commands().contains("load.off"), "commands: " + s.upsState().commands());

        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "load.off", null));
        assertEquals(new Integer32(2), agent.value(APC + "6.2.1.0"));
        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "shutdown.stayoff", null));
        assertEquals(new Integer32(3), agent.value(APC + "6.2.1.0"));
        assertEquals(TrackingResult.HANDLED, driver.instcmd(s, "load.on", "5"));
        assertEquals(new Integer32(5), agent.value(APC + "6.2.6.0"), "a command parameter replaces the default");

        assertEquals(TrackingResult.HANDLED, driver.setvar(s, "input.transfer.low", "196"));
        assertEquals(new Integer32(196), agent.value(APC + "5.2.3.0"));
        assertEquals("196", s.value("input.transfer.low"));
        assertEquals(TrackingResult.HANDLED, driver.setvar(s, "input.sensitivity", "low"));
        assertEquals(new Integer32(2), agent.value(APC + "5.2.7.0"));
        assertEquals("90", s.value("ups.delay.shutdown"));
        assertEquals(TrackingResult.HANDLED, driver.setvar(s, "ups.delay.shutdown", "120"));
        assertEquals(new TimeTicks(12000), agent.value(APC + "5.2.10.0"));
        assertEquals(TrackingResult.HANDLED, driver.setvar(s, "device.contact", "ops@example.org"));
        assertEquals(new OctetString("ops@example.org"), agent.value(".1.3.6.1.2.1.1.4.0"));

        assertEquals(TrackingResult.UNKNOWN, driver.instcmd(s, "no.such.command", null));
        assertEquals(TrackingResult.UNKNOWN, driver.setvar(s, "battery.charge", "50"), "not writable");
        assertEquals(TrackingResult.INVALID, driver.setvar(s, "input.transfer.low", "many"));
        assertEquals(TrackingResult.INVALID, driver.setvar(s, "input.sensitivity", "extreme"));
        assertEquals(TrackingResult.FAILED, driver.instcmd(s, "test.failure.start", null), "the agent refuses (notWritable)");
        assertEquals(new Integer32(1), agent.value(APC + "6.2.4.0"));
    }

    @Test
    void aSilentAgentMakesTheDataStaleAndItRecoversWhenTheAgentAnswersAgain() throws Exception {
        agent = TestAgent.start("public", null).apcSmartUps();
        DriverState s = start(Map.of("pollfreq", "10"));
        assertEquals("87", s.value("battery.charge"));

        agent.silence(true);
        clock.advance(Duration.ofSeconds(11));
        DriverException e = assertThrows(DriverException.class, () -> driver.update(s));
        assertTrue(e.getMessage().contains("Timeout"), e.getMessage());
        // between polls the driver does not ask again, and still reports the failure
        assertThrows(DriverException.class, () -> driver.update(s));

        agent.silence(false);
        agent.put(APC + "2.2.1.0", new Gauge32(64));
        clock.advance(Duration.ofSeconds(11));
        driver.update(s);
        assertEquals("64", s.value("battery.charge"));
    }

    @Test
    void oidsTheAgentNeverAnswersAreAskedAgainLaterWhileTheRestStaysFresh() throws Exception {
        String charge = APC + "2.2.1.0";
        String batteryStatus = APC + "2.1.1.0";
        // the agent has no value for most of the table's OIDs (noSuchObject) and drops every request for these two
        agent = TestAgent.start("public", null).apcSmartUps().drop(charge, true).drop(APC + "6.2.6.0", true);
        DriverState s = start(Map.of("pollfreq", "10", "snmp_timeout", "1"));
        assertNull(s.value("battery.charge"));
        assertEquals("229.40", s.value("input.voltage"));
        assertEquals("OB LB", s.value("ups.status"));
        assertTrue(s.upsState().commands().contains("load.off"), "commands: " + s.upsState().commands());
        assertFalse(s.upsState().commands().contains("load.on"), "a command whose OID goes unanswered is not offered");
        assertEquals(1, agent.requests(charge), "asked once at start-up");

        agent.put(APC + "3.3.1.0", new Gauge32(2301));
        poll(s);
        assertEquals("230.10", s.value("input.voltage"), "the rest of the table is read on every walk");
        // start-up's own first update was walk 1 after the timeout, this poll walk 2
        for (int walk = 3; walk < TableWalk.RETRY_EVERY; walk++) {
            poll(s);
            assertEquals(1, agent.requests(charge), "walk " + walk + " leaves the silent OID out");
        }
        agent.drop(charge, false);
        poll(s);
        assertEquals(2, agent.requests(charge), "asked again in walk " + TableWalk.RETRY_EVERY);
        assertEquals("87", s.value("battery.charge"));

        // a status row that stops answering keeps its last word while the others follow the device
        agent.drop(batteryStatus, true).put(APC + "4.1.1.0", new Integer32(2));
        poll(s);
        assertEquals("OL LB", s.value("ups.status"));
        agent.drop(batteryStatus, false).put(batteryStatus, new Integer32(2));
        for (int walk = 1; walk < TableWalk.RETRY_EVERY; walk++) {
            poll(s);
            assertEquals("OL LB", s.value("ups.status"), walk + " walks after the timeout");
        }
        poll(s);
        assertEquals("OL", s.value("ups.status"), "the row is read again");

        // an agent that answers nothing at all, not even its sysObjectID, is dead: the poll fails
        agent.silence(true);
        clock.advance(Duration.ofSeconds(11));
        DriverException dead = assertThrows(DriverException.class, () -> driver.update(s));
        assertTrue(dead.getMessage().contains("Timeout"), dead.getMessage());
    }

    /** The next poll: one pollfreq later, without a failure. */
    private void poll(DriverState s) throws DriverException {
        clock.advance(Duration.ofSeconds(11));
        driver.update(s);
    }

    @Test
    void noAgentAtAllIsAClearStartupError() throws Exception {
        agent = TestAgent.start("public", null);
        agent.silence(true);
        DriverException e = assertThrows(DriverException.class, () -> start(Map.of()));
        assertTrue(e.getMessage().contains("Timeout: no response from 127.0.0.1:" + agent.port()), e.getMessage());
    }

    @Test
    void wrongTypesAndOddValuesNeverCrashTheDriver() throws Exception {
        agent = TestAgent.start("public", null).apcSmartUps()
                .put(APC + "2.2.1.0", new OctetString("eighty"))            // a string for a number: strtol gives 0
                .put(APC + "3.3.1.0", new Counter64(123456789012L))          // a type NUT does not handle: row dropped
                .put(APC + "3.2.1.0", new IpAddress("10.0.0.1"))              // same for the fallback row
                .put(APC + "2.2.3.0", new Null())                             // no value at all
                .put(APC + "1.2.3.0", new OctetString("x".repeat(5000)))      // longer than NUT's 127-byte buffer
                .put(APC + "1.2.1.0", new OctetString(new byte[] {1, 2, (byte) 0xff}))  // unprintable: hex
                .put(APC + "4.2.1.0", new OID("1.3.6.1.4.1.318.1.1.1.4.2.1.0")) // an OID naming itself: bounded
                .put(APC + "4.1.1.0", new Integer32(99));                      // a status value no table knows
        DriverState s = start(Map.of());
        assertEquals("0", s.value("battery.charge"));
        assertNull(s.value("input.voltage"));
        assertNull(s.value("battery.runtime"));
        assertEquals("x".repeat(127), s.value("ups.serial"));
        assertEquals("01 02 FF ", s.value("ups.firmware"));
        assertEquals("0", s.value("output.voltage"));
        assertEquals("LB", s.value("ups.status"));
        assertEquals("Smart-UPS 1500", s.value("ups.model"));
    }

    @Test
    void garbageDatagramsAreIgnoredLikeSilence() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            Thread answerer = new Thread(() -> answerWithGarbage(fake), "garbage-agent");
            answerer.setDaemon(true);
            answerer.start();
            DriverSetup setup = new DriverSetup("ups1", "127.0.0.1:" + fake.getLocalPort(),
                    Map.of("snmp_timeout", "1", "snmp_retries", "1"), Set.of(), Path.of("/nonexistent"), Duration.ofSeconds(2), clock);
            driver = new SnmpUpsFactory().create(setup);
            DriverException e = assertThrows(DriverException.class,
                    () -> driver.init(new DriverState(new UpsState(), Set.of(), false)));
            assertTrue(e.getMessage().contains("Timeout"), e.getMessage());
        }
    }

    /** Answers every datagram with random bytes (and some truncated BER), until the socket closes. */
    private static void answerWithGarbage(DatagramSocket s) {
        Random random = new Random(7);
        byte[] buf = new byte[2048];
        try {
            while (true) {
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                s.receive(in);
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                junk[0] = 0x30; // looks like a BER sequence
                s.send(new DatagramPacket(junk, junk.length, in.getSocketAddress()));
                s.send(new DatagramPacket(buf, Math.max(1, in.getLength() / 2), in.getSocketAddress()));
            }
        } catch (IOException e) {
            // socket closed: the test is over
        }
    }
}
