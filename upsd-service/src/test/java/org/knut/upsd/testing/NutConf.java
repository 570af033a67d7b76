package org.knut.upsd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a NUT config dir for tests: one dummy-ups section per .dev (copied in; desc and pollinterval
 * as nut-sandbox writes them, so answers can be compared with the sandbox's), upsd.conf, and the
 * sandbox's users (admin/adminpass: SET FSD and every command; monuser/monpass: upsmon primary).
 */
public final class NutConf {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "adminpass";
    public static final String MONUSER = "monuser";
    public static final String MONUSER_PASSWORD = "monpass";

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
                    [admin]
                    \tpassword = adminpass
                    \tactions = SET FSD
                    \tinstcmds = ALL

                    [monuser]
                    \tpassword = monpass
                    \tupsmon primary
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .dev dump of the shared test data. */
    public static Path ddl(String name) {
        Path p = Path.of("/work/shared/testdata/nut-ddl").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing test dump " + p);
        }
        return p;
    }
}
