package org.knut.upsd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of Debian's real NUT clients (upsc, upscmd, upsrw, ...) to completion within a time bound. */
public final class Cli {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Cli() {
    }

    /** How a program ended and what it printed. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** stdout's lines, without the noise NUT's clients print ("Init SSL without certificate database"). */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (String l : stdout.split("\n", -1)) {
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
            return out;
        }

        /** stderr without the SSL notice, trimmed. */
        public String error() {
            return stderr.replace("Init SSL without certificate database", "").trim();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }
    }

    public static Result run(String... argv) {
        return run(Map.of(), argv);
    }

    /** Runs {@code argv} with {@code env} added to this process's environment. */
    public static Result run(Map<String, String> env, String... argv) {
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("cli", ".out");
            err = Files.createTempFile("cli", ".err");
            ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            p = pb.start();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(String.join(" ", argv) + " did not finish within " + TIMEOUT);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            try {
                if (out != null) {
                    Files.deleteIfExists(out);
                }
                if (err != null) {
                    Files.deleteIfExists(err);
                }
            } catch (IOException ignored) {
                // temp files
            }
        }
    }
}
