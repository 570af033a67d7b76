package org.knut.driver.snmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.knut.driver.app.DumpCommand;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.spi.DriverRegistry;

/** One dump-mode run ({@code -d 1}) of Debian's real snmp-ups or of ours against an agent. */
final class SnmpDumps {
    static final Path REAL_SNMP_UPS = Path.of("/lib/nut/snmp-ups");

    /** Exit code, the {@code name: value} lines, and what went to stderr. */
    record Dump(int exit, List<String> lines, String err) {
    }

    private SnmpDumps() {
    }

    /** Real snmp-ups in dump mode, state in a temp directory, killed by its PID after 90 s. */
    static Dump real(Path work, int port, String... settings) throws IOException, InterruptedException {
        Path state = Files.createTempDirectory(work, "state");
        List<String> cmd = new ArrayList<>(List.of(REAL_SNMP_UPS.toString(), "-d", "1", "-u", "root", "-s", "sim", "-x",
                "port=127.0.0.1:" + port));
        for (String s : settings) {
            cmd.add("-x");
            cmd.add(s);
        }
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("NUT_STATEPATH", state.toString());
        pb.environment().put("NUT_CONFPATH", state.toString());
        pb.environment().put("NUT_ALTPIDPATH", state.toString());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("real snmp-ups did not finish within 90 s");
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("Network UPS Tools")).toList();
        return new Dump(p.exitValue(), lines, Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Our snmp-ups through the service's dump mode, in this JVM. */
    static Dump ours(Path confDir, int port, String... settings) {
        List<String> args = new ArrayList<>(List.of("snmp-ups", "-s", "sim", "-d", "1", "-x", "port=127.0.0.1:" + port));
        for (String s : settings) {
            args.add("-x");
            args.add(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DriverSettings ds = new DriverSettings(Optional.of(confDir.toString()), Optional.of(confDir.toString()), Optional.empty(),
                OptionalInt.empty(), "127.0.0.1", DriverSettings.DEFAULT_MAX_PENDING_BYTES);
        int exit = new DumpCommand(new DriverRegistry(List.of(new SnmpUpsFactory())), ds, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        String text = out.toString(StandardCharsets.UTF_8);
        return new Dump(exit, text.isEmpty() ? List.of() : List.of(text.split("\n")), err.toString(StandardCharsets.UTF_8));
    }
}
