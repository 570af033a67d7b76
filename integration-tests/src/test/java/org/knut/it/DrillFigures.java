package org.knut.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * What a fault drill measured, printed ({@code DRILL name: figures}) and appended to
 * {@code target/drills.txt}, where docs/reliability.md's figures come from.
 */
final class DrillFigures {
    private DrillFigures() {
    }

    static void report(String drill, String figures) {
        String line = "DRILL " + drill + ": " + figures;
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "drills.txt"), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seconds since {@code startNanos} ({@link System#nanoTime}), as {@code 6.2 s}. */
    static String since(long startNanos) {
        return String.format("%.1f s", Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0);
    }
}
