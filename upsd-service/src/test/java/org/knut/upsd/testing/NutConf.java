package org.knut.upsd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.knut.core.testing.NutSandbox;
import org.knut.core.testing.SharedDir;

/**
 * Writes a NUT config dir for tests: one dummy-ups section per .dev (copied in; desc and pollinterval
 * as nut-sandbox writes them, so answers can be compared with the sandbox's), upsd.conf, and the
 * sandbox's users ({@link NutSandbox#ADMIN}: SET FSD and every command; {@link NutSandbox#MONUSER}: upsmon primary).
 */
public final class NutConf {
    private NutConf() {
    }

    public static Path write(Path dir, Map<String, Path> devs, String upsdConf) {
        try {
            Files.createDirectories(dir.resolve("state"));
            StringBuilder ups = new StringBuilder();
            for (Map.Entry<String, Path> e : devs.entrySet()) {
                String file = e.getKey() + ".dev";
                Files.copy(e.getValue(), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                ups.append('[').append(e.getKey()).append("]\n\tdriver = dummy-ups\n\tport = ").append(file)
                        .append("\n\tpollinterval = 2\n\tdesc = \"nut-sandbox ").append(e.getKey()).append("\"\n\n");
            }
            Files.writeString(dir.resolve("ups.conf"), ups);
            Files.writeString(dir.resolve("upsd.conf"), upsdConf);
            Files.writeString(dir.resolve("upsd.users"), """
                    [%s]
                    \tpassword = %s
                    \tactions = SET FSD
                    \tinstcmds = ALL

                    [%s]
                    \tpassword = %s
                    \tupsmon primary
                    """.formatted(NutSandbox.ADMIN, NutSandbox.ADMIN_PASSWORD, NutSandbox.MONUSER, NutSandbox.MONUSER_PASSWORD));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
