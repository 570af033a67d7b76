package org.knut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knut.core.client.NutClient;
import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.sock.TrackingResult;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.knut.core.testing.FakeDriver;
import org.knut.core.testing.NutSandbox;

/**
 * Our upsc, upscmd and upsrw against NUT 2.8's, on the same real upsd: same stdout, same exit status,
 * and the same stderr (but for the TLS notice of NUT's upsc). The UPSes: the sandbox's dummy-ups
 * {@code demo}; {@code rich}, whose driver publishes every variable type (enums, ranges, string lengths)
 * and several commands; {@code ghost}, which has no driver.
 */
class RealNutParityTest {
    static NutSandbox sandbox;
    static FakeDriver rich;

    @BeforeAll
    static void start() throws IOException {
        sandbox = NutSandbox.start();
        UpsState s = new UpsState();
        s.setInfo("ups.status", "OL");
        s.setInfo("device.model", "Fake \"quoted\" # model \\ here");
        rw(s, "battery.mode", "auto", VarFlag.STRING);
        s.setAux("battery.mode", 8);
        s.addEnum("battery.mode", "auto");
        s.addEnum("battery.mode", "manual");
        rw(s, "output.voltage.nominal", "230");
        for (String v : List.of("220", "230", "240")) {
            s.addEnum("output.voltage.nominal", v);
        }
        rw(s, "input.transfer.high", "140.7");
        s.addRange("input.transfer.high", new Range("130", "150"));
        s.addRange("input.transfer.high", new Range("160", "170.5"));
        rw(s, "input.transfer.low", "75");
        s.addRange("input.transfer.low", new Range("80", "100"));
        rw(s, "ups.id", "rack one", VarFlag.STRING);
        s.setAux("ups.id", 16);
        rw(s, "battery.charge.low", "10", VarFlag.NUMBER);
        rw(s, "x.custom", "abc", VarFlag.STRING);
        s.setAux("x.custom", 4);
        for (String c : List.of("test.battery.start", "load.off.delay", "beeper.toggle", "x.custom.cmd")) {
            s.addCommand(c);
        }
        rich = sandbox.addFakeUps("rich", "Rich \"fake\" UPS", s);
        rich.answer("beeper.toggle", TrackingResult.FAILED);
        sandbox.addUpsWithoutDriver("ghost");
    }

    private static void rw(UpsState s, String name, String value, VarFlag... flags) {
        s.setInfo(name, value);
        EnumSet<VarFlag> f = EnumSet.of(VarFlag.RW, flags);
        s.setFlags(name, f);
    }

    @AfterAll
    static void stop() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static List<String> argv(String line) {
        return Arrays.stream(line.split(" "))
                .map(a -> a.replace("{S}", sandbox.hostPort()).replace("{P}", Integer.toString(sandbox.port())))
                .toList();
    }

    /** Runs NUT's tool, then ours, with the same arguments and input; both must print and end alike. */
    private static Command.Result assertSameAsNut(String stdin, List<String> args) throws IOException {
        Command.Result real = Tools.real(stdin, args);
        Command.Result ours = Tools.knut(stdin, args);
        String what = String.join(" ", args);
        assertEquals(real.stdout(), ours.stdout(), "stdout of " + what + "\nours: " + ours);
        assertEquals(real.exitCode(), ours.exitCode(), "exit status of " + what + "\nreal: " + real + "\nours: " + ours);
        assertEquals(Tools.withoutTlsNotice(real.stderr()), ours.stderr(), "stderr of " + what);
        return ours;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "upsc -l {S}",
            "upsc -L {S}",
            "upsc demo@{S}",
            "upsc rich@{S}",
            "upsc demo@{S} ups.status",
            "upsc rich@{S} device.model",
            "upsc nosuch@{S}",
            "upsc nosuch@{S} ups.status",
            "upsc demo@{S} no.such.var",
            "upsc demo@{S} oldstyle",
            "upsc ghost@{S}",
            "upsc -c demo@{S}",
            "upsc rich@[127.0.0.1]:{P}",
            "upsc rich@[127.0.0.1:{P}",
            "upsc rich@",
            "upsc",
            "upsc -h",
            "upsc -x",
            "upsc -l 127.0.0.1:1",
            "upsc demo@127.0.0.1:",
            "upsc demo@nohost.invalid",
            "upscmd -l demo@{S}",
            "upscmd -l rich@{S}",
            "upscmd -l nosuch@{S}",
            "upscmd",
            "upscmd -h",
            "upscmd -u",
            "upscmd demo@{S}",
            "upscmd -t abc demo@{S} load.off",
            "upscmd -u admin -p adminpass demo@{S} no.such",
            "upscmd -u admin -p wrong demo@{S} load.off",
            "upscmd -u admin -p adminpass demo@{S} oldstyle",
            "upscmd -u monuser -p monpass rich@{S} beeper.toggle",
            "upsrw demo@{S}",
            "upsrw rich@{S}",
            "upsrw -l rich@{S}",
            "upsrw nosuch@{S}",
            "upsrw ghost@{S}",
            "upsrw",
            "upsrw -h",
            "upsrw -s",
            "upsrw -s no.such=1 -u admin -p adminpass rich@{S}",
            "upsrw -s oldstyle=1 -u admin -p adminpass rich@{S}",
            "upsrw -s ups.id=seventeen-chars!! -u admin -p adminpass rich@{S}",
            "upsrw -s battery.mode=bogus -u admin -p adminpass rich@{S}",
            "upsrw -s input.transfer.high=155 -u admin -p adminpass rich@{S}",
            "upsrw -s device.model=x -u admin -p adminpass rich@{S}",
            "upsrw -s ups.id=x -u admin -p wrong rich@{S}"})
    void sameOutputAndStatusAsNut(String line) throws IOException {
        assertSameAsNut("", argv(line));
    }

    @Test
    void instantCommandsWithTrackingWaitForTheDriver() throws IOException {
        Command.Result ok = assertSameAsNut("", argv("upscmd -u admin -p adminpass -w rich@{S} test.battery.start"));
        assertEquals("SUCCESS\n", ok.stderr());
        Command.Result failed = assertSameAsNut("", argv("upscmd -u admin -p adminpass -w rich@{S} beeper.toggle"));
        assertEquals("ERR FAILED\n", failed.stderr());
        assertEquals(0, failed.exitCode(), "NUT 2.8.0 reports the failure on stderr and still exits 0");
        Command.Result unknown = assertSameAsNut("", argv("upscmd -u admin -p adminpass -w rich@{S} x.custom.cmd"));
        assertEquals("SUCCESS\n", unknown.stderr());
    }

    @Test
    void instantCommandWithValueWithoutTracking() throws IOException {
        Command.Result r = assertSameAsNut("", argv("upscmd -u admin -p adminpass rich@{S} load.off.delay 120"));
        assertEquals("OK\n", r.stderr());
        Await.until("both tools to hand the value to the driver", Duration.ofSeconds(5),
                () -> rich.received().stream().filter("INSTCMD load.off.delay 120"::equals).count() == 2);
    }

    @Test
    void setWithAndWithoutTracking() throws Exception {
        assertSameAsNut("", argv("upsrw -s ups.id=real-set -u admin -p adminpass -w rich@{S}"));
        assertEquals("real-set", value("ups.id"));
        Command.Result ours = Tools.knut("", argv("upsrw -s ups.id=knut-set -u admin -p adminpass -w rich@{S}"));
        assertEquals(new Command.Result(0, "", "SUCCESS\n"), ours);
        assertEquals("knut-set", value("ups.id"));
        Command.Result plain = assertSameAsNut("", argv("upsrw -s battery.mode=manual -u admin -p adminpass rich@{S}"));
        assertEquals("OK\n", plain.stderr());
        Command.Result listing = assertSameAsNut("", argv("upsrw rich@{S}"));
        assertTrue(listing.stdout().contains("Option: \"manual\" SELECTED"), listing.stdout());
    }

    @Test
    void valuesWithSpacesAndQuotesAreSentIntact() throws Exception {
        Command.Result ours = Tools.knut("", List.of("upsrw", "-s", "ups.id=a \"b\" \\c", "-u", "admin", "-p", "adminpass",
                "-w", sandbox.ups("rich")));
        assertEquals(new Command.Result(0, "", "SUCCESS\n"), ours);
        assertEquals("a \"b\" \\c", value("ups.id"));
        assertSameAsNut("", List.of("upsc", sandbox.ups("rich"), "ups.id"));
    }

    @Test
    void missingUserAndPasswordAreAskedFor() throws IOException {
        Command.Result cmd = assertSameAsNut("admin\nadminpass\n", argv("upscmd rich@{S} test.battery.start"));
        assertEquals("Username (" + System.getProperty("user.name") + "): ", cmd.stdout());
        assertEquals("Password: OK\n", cmd.stderr());
        Command.Result set = assertSameAsNut("admin\nadminpass\nprompted\n", argv("upsrw -s ups.id rich@{S}"));
        assertEquals("Username (" + System.getProperty("user.name") + "): Enter new value for ups.id: ", set.stdout());
        assertSameAsNut("", argv("upscmd -p adminpass rich@{S} test.battery.start"));
    }

    private static String value(String var) throws Exception {
        try (NutClient c = sandbox.client()) {
            return c.get("rich", var);
        }
    }
}
