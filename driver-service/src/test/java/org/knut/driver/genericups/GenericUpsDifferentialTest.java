package org.knut.driver.genericups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.knut.driver.serial.SimulatedModemLines.BREAK_SENT;
import static org.knut.driver.serial.SimulatedModemLines.CTS;
import static org.knut.driver.serial.SimulatedModemLines.DCD;
import static org.knut.driver.serial.SimulatedModemLines.DSR;
import static org.knut.driver.serial.SimulatedModemLines.DTR;
import static org.knut.driver.serial.SimulatedModemLines.RI;
import static org.knut.driver.serial.SimulatedModemLines.RTS;
import static org.knut.driver.serial.SimulatedModemLines.names;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knut.core.testing.Command;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.serial.SimulatedModemLines;
import org.knut.driver.testing.Closer;
import org.knut.driver.testing.DumpMain;
import org.knut.driver.testing.DumpModes;

/**
 * Our genericups against Debian's real one (NUT 2.8.0) on the same pseudo-terminal, whose modem
 * lines the LD_PRELOAD shim of {@link SimulatedModemLines} simulates in both processes: the real C
 * driver, and ours in a JVM of its own, through jSerialComm's native library as in production. For
 * each wiring and line state both publish the same variables (but the {@code driver.version} lines
 * that name the implementation) and leave the same outputs (cable power) raised; {@code -k} raises the
 * same shutdown lines or sends a BREAK.
 */
class GenericUpsDifferentialTest {
    private static final Path REAL = Path.of("/lib/nut/genericups");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path shimDir;
    private static SimulatedModemLines lines;

    @TempDir
    Path dir;
    private PtyPair pty;

    @BeforeAll
    static void buildShim() throws IOException {
        assertTrue(Files.isExecutable(REAL), "Debian's nut-server is needed for " + REAL);
        lines = new SimulatedModemLines(shimDir);
    }

    @BeforeEach
    void plugIn() throws IOException {
        pty = new PtyPair(dir);
    }

    @AfterEach
    void unplug() throws Exception {
        Closer.close(pty);
    }

    /** Line states per wiring; the expected status proves the lines really reached the C driver. */
    static Stream<Arguments> situations() {
        List<Arguments> a = new ArrayList<>();
        situation(a, 0, "OL", 0, "OB", CTS, "LB OB", CTS | DCD);
        situation(a, 0, "LB OL", DCD);
        situation(a, 1, "OL", DSR, "OB", RI, "LB OB", RI | DCD);
        situation(a, 2, "OL", 0, "OB", CTS, "LB OB", CTS | DCD);
        situation(a, 7, "OL", CTS | DCD, "OB", DCD, "LB OB", 0);
        situation(a, 9, "OL", 0, "OB", DCD, "LB OB", DCD | CTS);
        situation(a, 11, "OL", DCD, "OB", CTS | DCD, "LB OB", CTS);
        situation(a, 13, "OL", DCD | CTS, "OB", CTS, "LB OB", 0);
        situation(a, 18, "OL", CTS, "OB", 0, "LB OB", DCD);
        situation(a, 23, "OL", CTS | DCD | RI | DSR, "OB", DCD | RI | DSR, "LB OB", RI | DSR);
        situation(a, 23, "OL RB", CTS | DCD | DSR, "OL BYPASS", CTS | DCD | RI);
        return a.stream();
    }

    private static void situation(List<Arguments> into, int upstype, Object... statusThenLines) {
        for (int i = 0; i < statusThenLines.length; i += 2) {
            into.add(Arguments.of(upstype, statusThenLines[i], statusThenLines[i + 1]));
        }
    }

    @ParameterizedTest(name = "upstype {0}: {1} from {2}")
    @MethodSource("situations")
    void sameStatusAndCablePower(int upstype, String status, int inputs) throws Exception {
        compare(status, inputs, "upstype = " + upstype);
    }

    @ParameterizedTest(name = "overrides with {1}")
    @MethodSource("overridden")
    void sameOverrides(String status, int inputs) throws Exception {
        int cablePower = compare(status, inputs, "upstype = 1", "OL = DSR", "LB = -CTS", "CP = RTS", "mfr = ACME",
                "model = \"Brick 900\"", "serial = X42");
        assertEquals(names(RTS), names(cablePower), "CP overrides type 1's DTR");
    }

    static Stream<Arguments> overridden() {
        return Stream.of(Arguments.of("OL", DSR | CTS), Arguments.of("LB OB", 0), Arguments.of("OB", CTS));
    }

    /** Shutdown lines per wiring (NUT's line_sd after the cable power line_norm), or a BREAK. */
    static Stream<Arguments> shutdowns() {
        return Stream.of(Arguments.of(0, RTS, new String[0]), Arguments.of(1, RTS, new String[0]),
                Arguments.of(2, DTR | RTS, new String[0]), Arguments.of(7, DTR, new String[0]),
                Arguments.of(11, DTR | BREAK_SENT, new String[0]), Arguments.of(23, 0, new String[0]),
                Arguments.of(1, DTR, new String[] {"SD = DTR"}));
    }

    @ParameterizedTest(name = "upstype {0} {2}: -k leaves {1}")
    @MethodSource("shutdowns")
    void sameShutdownSignal(int upstype, int expected, String[] settings) throws Exception {
        conf(upstype, settings);
        lines.resetOutputs();
        Command.Result real = run(List.of(REAL.toString(), "-a", "ups", "-k", "-u", "root"));
        int realLines = lines.outputs();
        lines.resetOutputs();
        Command.Result ours = run(DumpMain.command("genericups", "-a", "ups", "-k"));
        int ourLines = lines.outputs();
        assertEquals(0, real.exitCode(), real.toString());
        assertEquals(0, ours.exitCode(), ours.toString());
        assertEquals(names(expected), names(realLines), "the real driver's shutdown signal");
        assertEquals(names(realLines), names(ourLines), "our shutdown signal");
    }

    @ParameterizedTest(name = "upstype {0}: no shutdown signal")
    @MethodSource("noShutdown")
    void bothRefuseAShutdownTheModelLacks(int upstype) throws Exception {
        conf(upstype);
        Command.Result real = run(List.of(REAL.toString(), "-a", "ups", "-k", "-u", "root"));
        Command.Result ours = run(DumpMain.command("genericups", "-a", "ups", "-k"));
        assertEquals(1, real.exitCode(), real.toString());
        assertEquals(1, ours.exitCode(), ours.toString());
        assertTrue(real.stderr().contains("No shutdown command defined for this model!"), real.toString());
        assertTrue(ours.stderr().contains("No shutdown command defined for this model!"), ours.toString());
    }

    static Stream<Integer> noShutdown() {
        return Stream.of(8, 16);
    }

    /** Runs both in dump mode; returns the outputs the real driver left raised. */
    private int compare(String status, int inputs, String... settings) throws Exception {
        Files.writeString(dir.resolve("ups.conf"), section(settings));
        lines.inputs(inputs);
        lines.resetOutputs();
        Command.Result real = run(List.of(REAL.toString(), "-a", "ups", "-d", "1", "-u", "root"));
        int realOutputs = lines.outputs();
        lines.resetOutputs();
        Command.Result ours = run(DumpMain.command("genericups", "-a", "ups", "-d", "1"));
        int ourOutputs = lines.outputs();
        assertEquals(0, real.exitCode(), real.toString());
        assertEquals(0, ours.exitCode(), ours.toString());
        List<String> realVars = DumpModes.variables(real.stdout());
        assertTrue(realVars.contains("ups.status: " + status), "the lines reached the real driver: " + realVars);
        assertEquals(realVars, DumpModes.variables(ours.stdout()));
        assertEquals(names(realOutputs), names(ourOutputs), "cable power");
        return realOutputs;
    }

    private void conf(int upstype, String... settings) throws IOException {
        List<String> all = new ArrayList<>(List.of("upstype = " + upstype));
        all.addAll(List.of(settings));
        Files.writeString(dir.resolve("ups.conf"), section(all.toArray(String[]::new)));
    }

    private String section(String... settings) {
        StringBuilder conf = new StringBuilder("[ups]\n\tdriver = genericups\n\tport = " + pty.driverEnd() + "\n");
        for (String s : settings) {
            conf.append('\t').append(s).append('\n');
        }
        return conf.toString();
    }

    /**
     * A driver process on the simulated lines, with the ups.conf of {@link #dir}. The port first gets
     * HUPCL back, a serial port's default: a pty keeps its termios between opens, so the driver that ran
     * before must not decide whether the lines drop when this one closes the port.
     */
    private Command.Result run(List<String> argv) throws IOException {
        Command.Result stty = Command.run(List.of("stty", "-F", pty.driverEnd().toString(), "hupcl"));
        assertEquals(0, stty.exitCode(), stty.toString());
        Map<String, String> env = new HashMap<>(lines.environment(pty.driverEnd()));
        env.put("NUT_CONFPATH", dir.toString());
        env.put("NUT_STATEPATH", dir.toString());
        return Command.run(argv, env, "", RUN_TIMEOUT);
    }
}
