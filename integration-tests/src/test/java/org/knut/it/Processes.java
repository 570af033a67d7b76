package org.knut.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.knut.core.testing.Await;

/** Starts processes with their output in a log file, and stops them (and their children) by PID. */
final class Processes {
    private Processes() {
    }

    static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    /**
     * Waits until {@code ready}; fails at once when {@code p} exits first. Either failure carries the end
     * of the process's log, since the log goes with the test's temporary directory.
     */
    static void awaitReady(String what, Duration wait, Process p, Path log, BooleanSupplier ready) {
        try {
            Await.until(what, wait, () -> {
                if (!p.isAlive()) {
                    throw new AssertionError("the process exited with " + p.exitValue() + " before " + what);
                }
                return ready.getAsBoolean();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the end of " + log + ":\n" + tail(log, 40), e);
        }
    }

    /** The last {@code lines} lines of {@code log}, for a failure's message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** TERM, then KILL after a grace period; children first so none is left behind. */
    static void stop(Process p) {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        children.forEach(c -> {
            if (c.isAlive()) {
                c.destroyForcibly();
            }
        });
    }
}
