package org.knut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Command;
import org.knut.core.testing.NutSandbox;

/** upslog against a real upsd, next to NUT's upslog; and ours as a process, stopped by SIGTERM. */
class UpslogTest {
    /** Every escape whose output does not change between two runs, plus NUT's INVALID cases. */
    static final String FORMAT = "%% [%UPSHOST%] %VAR ups.status% %VAR battery.charge% %var ups.load% %VARIABLE x.y% "
            + "%VAR nodot% %VAR no.such% %VAR% %BOGUS% %HOSTNAME% %HOST% %TIME @Y% %unterminated";

    static NutSandbox sandbox;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        sandbox = NutSandbox.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void linesMatchNutsUpslog() throws Exception {
        List<String> args = List.of("-s", sandbox.ups("demo"), "-l", "-", "-i", "1", "-p", tmp.resolve("upslog").toString(),
                "-f", FORMAT);
        List<String> real = firstLinesOf(process(List.of("upslog"), args), 4);
        List<String> ourArgs = new ArrayList<>(List.of("upslog", "-N", "2"));
        ourArgs.addAll(args);
        Command.Result ours = Tools.knut("", ourArgs);
        assertEquals(0, ours.exitCode(), ours.toString());
        assertEquals(String.join("\n", real) + "\n", ours.stdout());
        assertEquals("% [" + sandbox.ups("demo") + "] OL 100 23 NA INVALID NA INVALID INVALID "
                + LocalHost.name() + " " + LocalHost.name(), real.get(2).substring(0, real.get(2).indexOf(" 20")),
                "NUT's own reading of the format");
    }

    @Test
    void defaultFormatMatchesNutsUpslog() throws Exception {
        List<String> args = List.of("-s", sandbox.ups("demo"), "-l", "-", "-i", "1", "-p", tmp.resolve("upslog").toString());
        List<String> real = firstLinesOf(process(List.of("upslog"), args), 3);
        List<String> ourArgs = new ArrayList<>(List.of("upslog", "-N", "1"));
        ourArgs.addAll(args);
        List<String> ours = Tools.knut("", ourArgs).stdout().lines().toList();
        assertEquals(real.subList(0, 2), ours.subList(0, 2));
        // the timestamp may tick between the two runs; the rest must not differ
        assertEquals(real.get(2).substring(16), ours.get(2).substring(16));
        assertTrue(ours.get(2).matches("\\d{8} \\d{6} 100 230.4 23 \\[OL] NA 50.0"), ours.get(2));
    }

    @Test
    void oldStyleArgumentsMatchNutsUpslog() throws Exception {
        // upslog <system> <logfile> <interval> [<format words>...]
        List<String> args = List.of("-p", tmp.resolve("upslog").toString(), sandbox.ups("demo"), "-", "1", "%VAR", "ups.status%", "x");
        List<String> real = firstLinesOf(process(List.of("upslog"), args), 3);
        List<String> ourArgs = new ArrayList<>(List.of("upslog", "-N", "1"));
        ourArgs.addAll(args);
        assertEquals(String.join("\n", real) + "\n", Tools.knut("", ourArgs).stdout());
        assertEquals("OL x ", real.get(2));
    }

    @Test
    void tuplesLogEachUpsToItsOwnFile() throws Exception {
        Path a = tmp.resolve("a.log");
        Path b = tmp.resolve("b.log");
        Files.writeString(a, "kept\n");
        Command.Result r = Tools.knut("upslog", "-N", "2", "-i", "0", "-p", tmp.resolve("pid").toString(),
                "-m", sandbox.ups("demo") + "," + a, "-m", sandbox.ups("nosuch") + "," + b, "-f", "%UPSHOST% %VAR ups.status% %PID% %ETIME%");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("Network UPS Tools upslog 2.8.0\nlogging status of " + sandbox.ups("demo") + " to " + a + " (0s intervals)\n"
                + "logging status of " + sandbox.ups("nosuch") + " to " + b + " (0s intervals)\n", r.stdout());
        List<String> aLines = Files.readAllLines(a);
        assertEquals(3, aLines.size(), "appends: " + aLines);
        assertEquals("kept", aLines.get(0));
        long pid = ProcessHandle.current().pid();
        long now = System.currentTimeMillis() / 1000;
        for (String line : aLines.subList(1, 3)) {
            String[] w = line.split(" ");
            assertEquals(List.of(sandbox.ups("demo"), "OL", Long.toString(pid)), List.of(w[0], w[1], w[2]));
            assertTrue(Math.abs(Long.parseLong(w[3]) - now) < 60, line);
        }
        assertTrue(Files.readAllLines(b).stream().allMatch(l -> l.startsWith(sandbox.ups("nosuch") + " NA ")), "unknown UPS reads NA");
        assertEquals(pid + "\n", Files.readString(tmp.resolve("pid")), "absolute -p is the pid file itself");
    }

    @Test
    void missingArgumentsEndWithNutsMessages() throws Exception {
        Command.Result none = Tools.knut("upslog");
        assertEquals(1, none.exitCode());
        assertEquals("Network UPS Tools upslog 2.8.0\n", none.stdout());
        assertEquals("No UPS defined for monitoring - use -s <system> or -m <ups,logfile>\n", none.stderr());
        Command.Result noLog = Tools.knut("upslog", "-s", "demo");
        assertEquals("No filename defined for logging - use -l <file>\n", noLog.stderr());
        Command.Result badTuple = Tools.knut("upslog", "-m", "demo");
        assertEquals("Argument '-m upsspec,logfile' requires exactly 2 components in the tuple\n", badTuple.stderr());
        Command.Result badUps = Tools.knut("upslog", "-s", "demo@host:x", "-l", "-");
        assertEquals(1, badUps.exitCode());
        assertTrue(badUps.stderr().endsWith(UpsArg.INVALID_UPS + "\n"), badUps.stderr());
        Command.Result badFile = Tools.knut("upslog", "-s", sandbox.ups("demo"), "-l", tmp.resolve("no/such/dir.log").toString());
        assertEquals(1, badFile.exitCode());
        assertTrue(badFile.stderr().endsWith("could not open logfile " + tmp.resolve("no/such/dir.log") + ": No such file or directory\n"),
                badFile.stderr());
        Command.Result unknownOption = Tools.knut("upslog", "-x");
        assertEquals("upslog: invalid option -- 'x'\nNo UPS defined for monitoring - use -s <system> or -m <ups,logfile>\n",
                unknownOption.stderr(), "getopt complains and upslog goes on, as NUT's does");
    }

    @Test
    void unreachableServerIsAWarningAndLinesSayNA() throws Exception {
        Command.Result r = Tools.knut("upslog", "-N", "1", "-s", "demo@127.0.0.1:1", "-l", "-", "-p", tmp.resolve("p").toString(),
                "-f", "%VAR ups.status%");
        assertEquals(0, r.exitCode());
        assertTrue(r.stderr().startsWith("Warning: initial connect failed: Connection failure: Connection refused\n"), r.stderr());
        assertTrue(r.stdout().endsWith("(30s intervals)\nNA\n"), r.stdout());
    }

    @Test
    void ourJarStopsOnSigtermLikeNuts() throws Exception {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KnutCli.class.getName(), "upslog");
        List<String> argv = new ArrayList<>(java);
        argv.addAll(List.of("-s", sandbox.ups("demo"), "-l", "-", "-i", "1", "-p", tmp.resolve("p").toString(), "-f", "%VAR ups.status%"));
        Path stderr = tmp.resolve("stderr");
        Process p = new ProcessBuilder(argv).redirectError(stderr.toFile()).start();
        try {
            List<String> lines = firstLinesOf(p, 3, false);
            assertEquals("OL", lines.get(2));
            p.toHandle().destroy(); // SIGTERM to its PID (Process.destroy would also close our end of its pipes)
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "upslog did not stop on SIGTERM");
            assertEquals(0, p.exitValue());
            assertTrue(Files.readString(stderr).endsWith("Signal 15: exiting\n"), Files.readString(stderr));
        } finally {
            p.destroyForcibly();
        }
    }

    private static Process process(List<String> command, List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(args);
        return new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The first {@code n} lines of the process's stdout, then the process is killed by its PID. */
    private static List<String> firstLinesOf(Process p, int n) throws Exception {
        return firstLinesOf(p, n, true);
    }

    private static List<String> firstLinesOf(Process p, int n, boolean kill) throws Exception {
        try {
            CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while (lines.size() < n && (line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add(e.toString());
                }
                return lines;
            });
            List<String> lines = read.get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(n, lines.size(), "process ended early: " + lines);
            return lines;
        } finally {
            if (kill) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
