package org.knut.monitor.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.monitor.shutdown.ShutdownCommand;
import org.knut.monitor.shutdown.ShutdownImpossible;

class ProcessCommandRunnerTest {
    final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofMillis(300));

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void runWaitsAndReturnsTheExitCode() throws Exception {
        assertEquals(0, runner.run(ExternalCommand.shell("t", "exit 0", List.of(), Map.of()), Duration.ofSeconds(10)));
        assertEquals(3, runner.run(ExternalCommand.shell("t", "exit $1", List.of("3"), Map.of()), Duration.ofSeconds(10)));
        assertEquals(-1, runner.run(new ExternalCommand("t", List.of("/nonexistent/program"), Map.of(), null), Duration.ofSeconds(1)));
    }

    @Test
    void overrunningProgramsAreKilledByPid(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        long start = System.nanoTime();
        int code = runner.run(ExternalCommand.shell("t", "echo $$ > '" + pidFile + "'; exec sleep 30", List.of(), Map.of()),
                Duration.ofMillis(500));
        assertEquals(-1, code);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Await.until("sleep " + pid + " to be gone", Duration.ofSeconds(5),
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void launchedProgramsAreBoundedToo(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        runner.launch(ExternalCommand.shell("t", "echo $$ > '" + pidFile + "'; exec sleep 30", List.of(), Map.of()));
        Await.until("pid file", Duration.ofSeconds(5), () -> Files.exists(pidFile) && pidFileComplete(pidFile));
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Await.until("launched sleep " + pid + " to be killed after the 300 ms limit", Duration.ofSeconds(5),
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    private static boolean pidFileComplete(Path f) {
        try {
            return Files.readString(f).endsWith("\n");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void shutdowncmdRunsThroughTheShellLikeSystem(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("marker");
        ShutdownCommand cmd = new ShutdownCommand("echo down > '" + marker + "' && true", runner, Duration.ofSeconds(10));
        assertEquals("run SHUTDOWNCMD: echo down > '" + marker + "' && true", cmd.describe());
        List<String> steps = new ArrayList<>();
        cmd.shutDown(steps::add);
        assertEquals("down\n", Files.readString(marker));
        assertEquals(List.of(), steps, "a command that succeeds adds no step");

        ShutdownImpossible failed = assertThrows(ShutdownImpossible.class,
                () -> new ShutdownCommand("exit 3", runner, Duration.ofSeconds(10)).shutDown(steps::add));
        assertEquals("SHUTDOWNCMD failed: exit 3 (status 3)", failed.getMessage());

        ShutdownCommand none = new ShutdownCommand(null, runner, Duration.ofSeconds(1));
        ShutdownImpossible missing = assertThrows(ShutdownImpossible.class, () -> none.shutDown(steps::add));
        assertEquals("SHUTDOWNCMD is not configured: this host is not shut down", missing.getMessage());
        assertFalse(none.describe().startsWith("run"));
        assertEquals(List.of(), steps);
    }
}
