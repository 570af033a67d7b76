package org.knut.driver.peer;

import java.nio.charset.StandardCharsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.SharedDir;
import org.knut.core.testing.Await;
import org.knut.driver.config.DriverConfig;
import org.knut.driver.config.DriverConfigLoader;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.runtime.RunnerEnvironment;
import org.knut.driver.runtime.UpsRunner;
import org.knut.driver.testing.LineClient;
import org.knut.driver.testing.RealNut;
import org.knut.driver.testing.TestSections;

/**
 * Our dummy-ups against Debian's real one (NUT 2.8.0) on every device dump of the DDL sample: both
 * serve the same file, and their DUMPALL answers on the driver socket must be the same set of lines
 * except for these documented differences:
 * <ul>
 * <li>{@code driver.version} and {@code driver.version.internal}: ours name knut's versions, not NUT's;</li>
 * <li>a variable line without a value ({@code ups.firmware.aux:}): NUT's dummy-ups re-uses the value of
 * the line before from an uninitialised buffer (undefined behaviour); ours skips the line with a
 * warning. This also changes the {@code device.mfr/model/serial} copy of such an {@code ups.*};</li>
 * <li>DDL markup lines whose first word has a colon inside ({@code RW:var:RANGE:...},
 * {@code CMD:load.off} in the .nds example): NUT publishes a variable named by the text before the first
 * colon ({@code RW}, {@code CMD}); ours skips the line with a warning.</li>
 * </ul>
 * Line order is not compared: NUT walks its tree case-insensitively and writes SETAUX before SETFLAGS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDummyUpsDifferentialTest {
    private static final Path DDL = SharedDir.resolve("testdata/nut-ddl");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** A first word followed by nothing but an optional comment. */
    private static final Pattern NO_VALUE = Pattern.compile("^\\s*([^\\s#:]+):\\s*(#.*)?$");
    /** A first word with a colon inside it. */
    private static final Pattern MARKUP = Pattern.compile("^\\s*([^\\s#:]+):\\S");

    @TempDir
    static Path tmp;

    private final RealNut nut = new RealNut();
    private final List<Case> cases = new ArrayList<>();

    private record Case(Path file, Path realState, UpsRunner ours) {
    }

    @BeforeAll
    void startBoth() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(DDL)) {
            files = s.filter(p -> p.toString().endsWith(".dev") || p.toString().endsWith(".nds")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "the DDL sample is in " + DDL);
        int i = 0;
        for (Path f : files) {
            Path conf = Files.createDirectories(tmp.resolve("c" + i));
            Path realState = Files.createDirectories(tmp.resolve("real" + i));
            Path ourState = Files.createDirectories(tmp.resolve("ours" + i));
            i++;
            Files.copy(f, conf.resolve(f.getFileName()));
            // synchronous = yes: NUT 2.8.0's default (auto) writes a dump line by line without blocking, drops
            // the client when the socket buffer is full and then crashes on its next poll ("bit out of range
            // 0 - FD_SETSIZE on fd_set"), which the largest dumps here trigger
            Files.writeString(conf.resolve("ups.conf"),
                    "[d]\n\tdriver = dummy-ups\n\tport = " + f.getFileName() + "\n\tsynchronous = yes\n");
            nut.startDummyUps(conf, realState, "d");
            DriverSettings settings = new DriverSettings(Optional.of(conf.toString()), Optional.of(ourState.toString()),
                    Optional.empty(), OptionalInt.empty(), "127.0.0.1", DriverSettings.DEFAULT_MAX_PENDING_BYTES);
            DriverConfig config = new DriverConfigLoader(TestSections.REGISTRY).load(settings, Map.of());
            RunnerEnvironment env = new RunnerEnvironment(conf, ourState, "127.0.0.1", OptionalInt.empty(),
                    DriverSettings.DEFAULT_MAX_PENDING_BYTES, config.retryDelay(), Clock.systemUTC());
            UpsRunner runner = new UpsRunner(config.selected().get(0), TestSections.REGISTRY.find("dummy-ups"), env);
            runner.start();
            cases.add(new Case(f, realState, runner));
        }
    }

    @AfterAll
    void stopBoth() throws InterruptedException {
        for (Case c : cases) {
            c.ours().stop();
        }
        nut.close();
    }

    @TestFactory
    Stream<DynamicTest> sameDumpAsRealDummyUps() {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file().getFileName().toString(), () -> compare(c)));
    }

    private void compare(Case c) throws IOException {
        Set<String> allowed = new TreeSet<>(Set.of("driver.version", "driver.version.internal"));
        for (String line : Files.readAllLines(c.file(), StandardCharsets.ISO_8859_1)) {
            Matcher m = NO_VALUE.matcher(line);
            if (m.find()) {
                allowed.add(m.group(1));
            }
            m = MARKUP.matcher(line);
            if (m.find()) {
                allowed.add(m.group(1));
            }
        }
        for (String v : List.of("mfr", "model", "serial")) {
            if (allowed.contains("ups." + v)) {
                allowed.add("device." + v);
            }
        }
        List<String> real = dump(c.realState().resolve("dummy-ups-d"));
        Await.until("our driver for " + c.file().getFileName(), START_TIMEOUT, () -> c.ours().ready());
        List<String> ours = dump(Path.of(c.ours().status().socket()));
        TreeSet<String> onlyReal = comparable(real, allowed);
        TreeSet<String> onlyOurs = comparable(ours, allowed);
        onlyReal.removeAll(comparable(ours, allowed));
        onlyOurs.removeAll(comparable(real, allowed));
        assertEquals("", (onlyReal.isEmpty() ? "" : "only real dummy-ups: " + onlyReal)
                + (onlyOurs.isEmpty() ? "" : " only ours: " + onlyOurs), "DUMPALL lines beyond the allowed differences " + allowed);
        assertTrue(ours.size() > 10, "a real dump: " + ours);
    }

    /** DUMPALL on a socket, waiting until the driver listens. */
    private static List<String> dump(Path socket) throws IOException {
        Await.until("driver socket " + socket, START_TIMEOUT, () -> connects(socket));
        try (LineClient c = LineClient.unix(socket)) {
            return c.dump("DUMPALL");
        }
    }

    private static boolean connects(Path socket) {
        try (LineClient c = LineClient.unix(socket)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The lines as a sorted set, without those about variables allowed to differ. */
    private static TreeSet<String> comparable(List<String> dump, Set<String> allowed) {
        TreeSet<String> out = new TreeSet<>();
        for (String l : dump) {
            String[] w = l.split(" ", 3);
            if (w.length < 2 || !allowed.contains(w[1])) {
                out.add(l);
            }
        }
        return out;
    }
}
