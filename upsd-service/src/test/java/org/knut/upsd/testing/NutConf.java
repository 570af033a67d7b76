package org.knut.upsd.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.knut.core.testing.NutConfDir;
import org.knut.core.testing.NutSandbox;
import org.knut.core.testing.SharedDir;

/**
 * NUT config dirs for upsd tests: {@link NutConfDir} with the sandbox's users ({@link NutSandbox#ADMIN}:
 * SET FSD and every command; {@link NutSandbox#MONUSER}: upsmon primary).
 */
public final class NutConf {
    private NutConf() {
    }

    public static Path write(Path dir, Map<String, Path> devs, String upsdConf) {
        return NutConfDir.write(dir, devs, upsdConf, NutConfDir.users(NutSandbox.ADMIN, NutSandbox.ADMIN_PASSWORD,
                NutSandbox.MONUSER, NutSandbox.MONUSER_PASSWORD, "primary"));
    }

    /** A .dev dump of the shared test data. */
    public static Path ddl(String name) {
        Path p = SharedDir.resolve("testdata/nut-ddl").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing test dump " + p);
        }
        return p;
    }
}
