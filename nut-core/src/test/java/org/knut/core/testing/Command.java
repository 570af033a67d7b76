package org.knut.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived program (a real NUT client, say) to completion within a time bound. */
public final class Command {
    private Command() {
    }

    /** What the program printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }
    }

    public static Result run(List<String> argv) throws IOException {
        return run(argv, "", Duration.ofSeconds(30));
    }

    /** For conditions and assertions: a program that cannot be run at all fails the test. */
    public static Result check(String... argv) {
        try {
            return run(List.of(argv));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + List.of(argv) + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code argv} with {@code stdin} as its input; kills it (by its PID) when it overruns. */
    public static Result run(List<String> argv, String stdin, Duration timeout) throws IOException {
        return run(argv, Map.of(), stdin, timeout);
    }

    /** The same with {@code env} added to this process's environment. */
    public static Result run(List<String> argv, Map<String, String> env, String stdin, Duration timeout) throws IOException {
        Path out = Files.createTempFile("cmd", ".out");
        Path err = Files.createTempFile("cmd", ".err");
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(argv + " did not finish within " + timeout);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + argv, e);
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
