package org.knut.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's {@code shared/} folder (real-NUT sandbox, device dumps, load generator), which lies
 * beside the repository: found by walking up from the working directory, or named by {@code KNUT_SHARED}.
 */
public final class SharedDir {
    private SharedDir() {
    }

    public static Path get() {
        String env = System.getenv("KNUT_SHARED");
        if (env != null) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isRegularFile(candidate.resolve("peers/nut-sandbox"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/ folder with peers/nut-sandbox beside the repository; set KNUT_SHARED");
    }

    public static Path resolve(String relative) {
        return get().resolve(relative);
    }
}
