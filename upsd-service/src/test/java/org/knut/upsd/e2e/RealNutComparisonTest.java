package org.knut.upsd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.NutSandbox;
import org.knut.upsd.testing.Cli;
import org.knut.upsd.testing.KnutUpsd;
import org.knut.upsd.testing.NutConf;
import org.knut.upsd.testing.NutConversation;
import org.knut.upsd.testing.Poll;
import org.knut.upsd.testing.RealDummyUps;
import org.knut.upsd.testing.ScriptedDriver;

/**
 * Our upsd and Debian's real upsd 2.8.0 side by side, each fed by real dummy-ups drivers on the same
 * device dumps (and both by one scripted driver with ENUM and RANGE variables, which dummy-ups cannot
 * make): NUT's real clients must print the same, and raw conversations must get the same replies.
 * Only what legitimately differs is left out: the driver's port path, VER/server.info and tracking ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealNutComparisonTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, Path> DEVS = new LinkedHashMap<>();

    static {
        DEVS.put("apc", NutConf.ddl("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev"));
        DEVS.put("eaton", NutConf.ddl("Eaton__5PX__snmp-ups__2.7.4__01.dev"));
        DEVS.put("cyber", NutConf.ddl("Cyber_Power_Systems__CP1500PFCLCD__usbhid-ups__2.7.4__01.dev"));
    }

    private static final List<String> FANCY_DUMP = List.of(
            "SETINFO ups.status \"OL\"", "SETINFO ups.mfr \"Scripted\"",
            "SETINFO input.sensitivity \"normal\"", "SETFLAGS input.sensitivity RW STRING", "SETAUX input.sensitivity 10",
            "ADDENUM input.sensitivity \"low\"", "ADDENUM input.sensitivity \"normal\"", "ADDENUM input.sensitivity \"high\"",
            "SETINFO battery.charge.low \"20\"", "SETFLAGS battery.charge.low RW NUMBER",
            "ADDRANGE battery.charge.low 10 30", "ADDRANGE battery.charge.low 50 60",
            "SETINFO ups.id \"rack \\\"A\\\" \\#1\"", "SETFLAGS ups.id RW STRING", "SETAUX ups.id 12",
            "ADDCMD beeper.toggle", "ADDCMD test.battery.start.quick", "DATAOK", "DUMPDONE");

    @TempDir
    static Path tmp;

    private NutSandbox real;
    private final List<RealDummyUps> drivers = new ArrayList<>();
    private ScriptedDriver fancy;
    private KnutUpsd knut;

    @BeforeAll
    void start() throws Exception {
        real = NutSandbox.start(DEVS);
        // the kit adds a driverless UPS of driver "knutfake": the scripted driver then takes its socket
        real.addUpsWithoutDriver("fancy");
        fancy = new ScriptedDriver(real.dir().resolve("state/knutfake-fancy"), FANCY_DUMP);
        Await.until("real upsd to serve fancy", WAIT, () -> Cli.run("upsc", real.ups("fancy"), "ups.mfr").stdout().contains("Scripted"));

        Path conf = NutConf.write(tmp.resolve("knut"), DEVS, "MAXAGE 15\n");
        Files.writeString(conf.resolve("ups.conf"), Files.readString(conf.resolve("ups.conf"))
                + "[fancy]\n\tdriver = scripted\n\tport = none\n\tdesc = \"no driver\"\n");
        for (String ups : DEVS.keySet()) {
            drivers.add(RealDummyUps.start(conf, conf.resolve("state"), ups));
        }
        knut = KnutUpsd.start(conf, conf.resolve("state"), Map.of("knut.upsd.drivers", "fancy=unix:" + fancy.path()));
        Await.until("our upsd to serve every UPS", WAIT,
                () -> knut.upsd().registry().all().stream().allMatch(u -> u.ready()));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (knut != null) {
                knut.close();
            }
        } finally {
            drivers.forEach(RealDummyUps::close);
            if (fancy != null) {
                fancy.close();
            }
            if (real != null) {
                real.close();
            }
        }
    }

    /** Runs a client command against both servers ({@code %s} = the UPS or host:port) and asserts equal output. */
    private void sameOutput(String... argv) {
        Cli.Result r = Cli.run(fill(argv, real.port()));
        Cli.Result k = Cli.run(fill(argv, knut.port()));
        String what = String.join(" ", argv);
        assertEquals(r.exitCode(), k.exitCode(), what + ": exit code; real " + r + "\nknut " + k);
        assertEquals(r.lines(), k.lines(), what);
        assertEquals(r.error(), k.error(), what + ": stderr");
    }

    private static String[] fill(String[] argv, int port) {
        String[] out = new String[argv.length];
        for (int i = 0; i < argv.length; i++) {
            out[i] = argv[i].replace("PORT", Integer.toString(port));
        }
        return out;
    }

    /** upsc's lines, but the driver's port path (each side reads its own copy of the .dev file). */
    private static TreeSet<String> variables(String ups, int port) {
        Cli.Result r = Cli.run("upsc", ups + "@127.0.0.1:" + port);
        assertEquals(0, r.exitCode(), r::toString);
        TreeSet<String> lines = new TreeSet<>(r.lines());
        lines.removeIf(l -> l.startsWith("driver.parameter.port:"));
        return lines;
    }

    /** In the same order but for "fancy": the real upsd puts a UPS added by a reload first. */
    @Test
    void upscListsTheSameUpses() {
        for (String option : List.of("-l", "-L")) {
            Cli.Result r = Cli.run("upsc", option, "127.0.0.1:" + real.port());
            Cli.Result k = Cli.run("upsc", option, "127.0.0.1:" + knut.port());
            assertEquals(0, k.exitCode(), k::toString);
            assertEquals(new TreeSet<>(r.lines()), new TreeSet<>(k.lines()));
            assertEquals(r.lines().subList(1, 4), k.lines().subList(0, 3));
        }
    }

    @Test
    void upscShowsTheSameVariables() {
        for (String ups : List.of("apc", "eaton", "cyber", "fancy")) {
            Poll.untilEquals(ups + " variables", WAIT, variables(ups, real.port()), () -> variables(ups, knut.port()));
            assertTrue(variables(ups, knut.port()).size() >= 5, ups);
        }
    }

    @Test
    void upscSingleVariablesAndErrors() {
        sameOutput("upsc", "eaton@127.0.0.1:PORT", "battery.charge");
        sameOutput("upsc", "eaton@127.0.0.1:PORT", "UPS.MODEL");
        sameOutput("upsc", "eaton@127.0.0.1:PORT", "server.version");
        sameOutput("upsc", "eaton@127.0.0.1:PORT", "no.such.var");
        sameOutput("upsc", "nope@127.0.0.1:PORT");
        sameOutput("upsc", "nope@127.0.0.1:PORT", "server.version");
    }

    @Test
    void upscmdListsTheSameCommands() {
        for (String ups : List.of("apc", "eaton", "cyber", "fancy")) {
            sameOutput("upscmd", "-l", ups + "@127.0.0.1:PORT");
        }
        sameOutput("upscmd", "-l", "nope@127.0.0.1:PORT");
    }

    @Test
    void upsrwListsTheSameVariablesWithEnumsAndRanges() {
        for (String ups : List.of("apc", "eaton", "cyber", "fancy")) {
            sameOutput("upsrw", "-l", ups + "@127.0.0.1:PORT");
        }
    }

    @Test
    void upsrwRefusesTheSameValues() {
        for (String assignment : List.of("input.sensitivity=extreme", "battery.charge.low=40", "ups.id=much-too-long-name",
                "ups.mfr=x", "no.such.var=1")) {
            sameOutput("upsrw", "-s", assignment, "-u", "admin", "-p", "adminpass", "fancy@127.0.0.1:PORT");
        }
        sameOutput("upsrw", "-s", "input.sensitivity=low", "-u", "admin", "-p", "wrong", "fancy@127.0.0.1:PORT");
        sameOutput("upsrw", "-s", "input.sensitivity=low", "-u", "monuser", "-p", "monpass", "fancy@127.0.0.1:PORT");
    }

    @Test
    void setThroughUpsrwReachesTheDriver() {
        for (int port : List.of(real.port(), knut.port())) {
            Cli.Result r = Cli.run("upsrw", "-s", "ups.delay.shutdown=42", "-u", "admin", "-p", "adminpass",
                    "eaton@127.0.0.1:" + port);
            assertEquals(0, r.exitCode(), r::toString);
        }
        Poll.untilEquals("the new value from our upsd's driver", WAIT, List.of("42"),
                () -> Cli.run("upsc", "eaton@127.0.0.1:" + knut.port(), "ups.delay.shutdown").lines());
        Poll.untilEquals("the new value from the real one's", WAIT, List.of("42"),
                () -> Cli.run("upsc", "eaton@127.0.0.1:" + real.port(), "ups.delay.shutdown").lines());
    }

    @Test
    void trackedSetAndInstcmdGiveTheSameResults() {
        // upsrw -w / upscmd -w turn tracking on and wait for the driver's TRACKING result
        sameOutput("upsrw", "-w", "-s", "battery.charge.low=15", "-u", "admin", "-p", "adminpass", "cyber@127.0.0.1:PORT");
        sameOutput("upscmd", "-w", "-u", "admin", "-p", "adminpass", "cyber@127.0.0.1:PORT", "load.off");
        sameOutput("upscmd", "-w", "-u", "admin", "-p", "adminpass", "cyber@127.0.0.1:PORT", "load.off", "5");
        sameOutput("upscmd", "-u", "admin", "-p", "adminpass", "cyber@127.0.0.1:PORT", "no.such.cmd");
        sameOutput("upscmd", "-u", "monuser", "-p", "monpass", "cyber@127.0.0.1:PORT", "load.off");
        Poll.untilEquals("the tracked SET to land", WAIT, List.of("15"),
                () -> Cli.run("upsc", "cyber@127.0.0.1:" + knut.port(), "battery.charge.low").lines());
    }

    @Test
    void scriptedDriverSeesTheForwardedLines() {
        Cli.Result r = Cli.run("upscmd", "-u", "admin", "-p", "adminpass", "fancy@127.0.0.1:" + knut.port(),
                "test.battery.start.quick");
        assertEquals(0, r.exitCode(), r::toString);
        Cli.Result s = Cli.run("upsrw", "-s", "ups.id=rack B", "-u", "admin", "-p", "adminpass", "fancy@127.0.0.1:" + knut.port());
        assertEquals(0, s.exitCode(), s::toString);
        Await.until("the driver to receive them", WAIT, () -> fancy.received().contains("INSTCMD test.battery.start.quick")
                && fancy.received().contains("SET ups.id \"rack B\""));
    }

    @Test
    void upslogLogsTheSameLine() throws Exception {
        List<String> logs = new ArrayList<>();
        for (int port : List.of(real.port(), knut.port())) {
            Path log = tmp.resolve("upslog-" + port + ".log");
            Process p = new ProcessBuilder("upslog", "-s", "apc@127.0.0.1:" + port, "-l", log.toString(), "-F", "-i", "1",
                    "-p", tmp.resolve("upslog-" + port).toString(), "-u", "root",
                    "-f", "%VAR ups.model% [%VAR battery.charge%] %VAR no.such.var%")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("upslog-" + port + ".out").toFile()).start();
            try {
                Await.until("upslog to write", WAIT, () -> {
                    try {
                        return Files.exists(log) && !Files.readString(log).isEmpty();
                    } catch (IOException e) {
                        return false;
                    }
                });
                logs.add(Files.readString(log).lines().findFirst().orElseThrow());
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
        assertEquals(logs.get(0), logs.get(1));
        assertTrue(logs.get(1).startsWith("Smart-UPS 1500 ["), logs.get(1));
    }

    /** Requests whose replies upsd and we must agree on, byte for byte. */
    private static final List<String> ANONYMOUS = List.of(
            "NETVER", "PROTVER", "HELP", "HELP x", "STARTTLS", "VER x",
            "GET", "GET VAR", "GET VAR apc", "GET VAR apc ups.status", "GET VAR APC UPS.STATUS", "get var apc ups.status",
            "GET VAR apc ups.status extra", "GET VAR nope ups.status", "GET VAR apc nope", "GET VAR apc server.version",
            "GET VAR nope server.version", "GET VAR apc server.nope", "GET VAR \"\" ups.status",
            "GET TYPE apc ups.status", "GET TYPE apc battery.charge", "GET TYPE apc nope", "GET TYPE fancy input.sensitivity",
            "GET TYPE fancy battery.charge.low", "GET TYPE fancy ups.id", "GET TYPE fancy ups.mfr",
            "GET DESC apc ups.status", "GET DESC apc nope", "GET CMDDESC apc load.off", "GET CMDDESC apc nope",
            "GET UPSDESC apc", "GET UPSDESC nope", "GET NUMLOGINS apc", "GET NUMLOGINS nope", "GET TRACKING",
            "GET TRACKING abc", "GET FOO apc x", "GET FOO", "FOO", "", "   ",
            "LIST", "LIST VAR", "LIST VAR nope", "LIST CMD apc", "LIST CMD fancy",
            "LIST ENUM fancy input.sensitivity", "LIST RANGE fancy battery.charge.low", "LIST ENUM apc ups.status",
            "LIST RANGE apc ups.status", "LIST ENUM apc nope", "LIST CLIENT apc", "LIST CLIENT nope", "LIST FOO apc",
            "LIST FOO apc x", "LIST RW nope", "LIST RW fancy", "LIST VAR fancy",
            "LOGIN apc", "PRIMARY apc", "MASTER apc", "FSD apc", "SET VAR apc x y", "SET TRACKING ON",
            "INSTCMD apc load.off", "LOGOUT x", "USERNAME", "USERNAME a b", "USERNAME admin", "USERNAME admin",
            "LOGIN apc", "PASSWORD", "PASSWORD wrong", "PASSWORD again", "LOGIN apc", "FSD apc",
            "SET VAR apc ups.status OL", "INSTCMD apc load.off", "SET TRACKING ON", "GET TRACKING",
            "GET VAR apc ups.status # comment", "GET VAR apc ups.load=3", "GET\tVAR apc ups.status\r",
            "LOGOUT");

    private static final List<String> ADMIN = List.of(
            "USERNAME admin", "PASSWORD adminpass", "LOGIN fancy", "PRIMARY fancy",
            "SET VAR fancy", "SET VAR fancy ups.id", "SET VAR nope ups.id x", "SET VAR fancy nope x",
            "SET VAR fancy ups.mfr x", "SET VAR fancy ups.id \"much too long\"", "SET VAR fancy input.sensitivity extreme",
            "SET VAR fancy battery.charge.low 40", "SET VAR fancy battery.charge.low 55", "SET VAR fancy input.sensitivity high",
            "SET VAR fancy ups.id \"rack C\" extra", "SET FOO", "SET FOO x", "SET TRACKING", "SET TRACKING maybe",
            "SET TRACKING off", "INSTCMD fancy", "INSTCMD nope x", "INSTCMD fancy nope", "INSTCMD fancy beeper.toggle",
            "INSTCMD fancy BEEPER.TOGGLE", "INSTCMD fancy beeper.toggle 5", "INSTCMD fancy beeper.toggle 5 6", "FSD", "FSD nope",
            "SET TRACKING ON", "INSTCMD fancy beeper.toggle", "SET VAR fancy ups.id x");

    private static final List<String> MONUSER = List.of(
            "USERNAME monuser", "PASSWORD monpass", "LOGIN", "LOGIN nope", "LOGIN eaton", "LOGIN eaton",
            "GET NUMLOGINS eaton", "LIST CLIENT eaton", "PRIMARY", "PRIMARY eaton", "MASTER eaton",
            "SET VAR eaton ups.load 3", "INSTCMD eaton load.off");

    private List<String> transcript(int port, List<String> requests) throws IOException {
        try (NutConversation c = new NutConversation(port)) {
            List<String> t = c.transcript(requests);
            t.replaceAll(l -> l.replaceAll("TRACKING [0-9A-F-]{36}", "TRACKING <id>"));
            return t;
        }
    }

    @Test
    void rawConversationsGetTheSameReplies() throws IOException {
        for (List<String> requests : List.of(ANONYMOUS, ADMIN, MONUSER)) {
            assertEquals(transcript(real.port(), requests), transcript(knut.port(), requests));
        }
    }

    @Test
    void loginsAreCountedAndATcpCloseLogsOut() throws IOException {
        for (int port : List.of(real.port(), knut.port())) {
            try (NutConversation admin = new NutConversation(port)) {
                try (NutConversation mon = new NutConversation(port)) {
                    mon.exchange("USERNAME monuser");
                    mon.exchange("PASSWORD monpass");
                    assertEquals("OK\n", mon.exchange("LOGIN apc"));
                    assertEquals("NUMLOGINS apc 1\n", admin.exchange("GET NUMLOGINS apc"));
                    assertEquals("BEGIN LIST CLIENT apc\nCLIENT apc 127.0.0.1\nEND LIST CLIENT apc\n",
                            admin.exchange("LIST CLIENT apc"));
                }
                Await.until("the logout on " + port, WAIT, () -> {
                    try {
                        return admin.exchange("GET NUMLOGINS apc").equals("NUMLOGINS apc 0\n");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
            }
        }
    }

    @Test
    void fsdLatchesTheSameWay() throws IOException {
        for (int port : List.of(real.port(), knut.port())) {
            try (NutConversation mon = new NutConversation(port)) {
                mon.exchange("USERNAME monuser");
                mon.exchange("PASSWORD monpass");
                assertEquals("OK FSD-SET\n", mon.exchange("FSD fancy"));
            }
        }
        sameOutput("upsc", "fancy@127.0.0.1:PORT", "ups.status");
        assertEquals(List.of("FSD OL"), Cli.run("upsc", "fancy@127.0.0.1:" + knut.port(), "ups.status").lines());
        assertFalse(variables("fancy", knut.port()).contains("ups.status: OL"));
        sameOutput("upsrw", "-l", "fancy@127.0.0.1:PORT");
    }
}
