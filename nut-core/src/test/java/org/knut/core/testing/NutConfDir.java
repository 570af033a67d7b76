package org.knut.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a NUT configuration directory for tests: one dummy-ups section per dump (copied in; desc and
 * pollinterval as nut-sandbox writes them, so answers can be compared with the sandbox's), upsd.conf,
 * upsd.users, and an empty {@code state/} for the driver sockets.
 */
public final class NutConfDir {
    private NutConfDir() {
    }

    /**
     * {@code devs} maps UPS name to the .dev or .seq file it replays; {@code upsdUsers} is the whole
     * upsd.users text (see {@link #users}).
     */
    public static Path write(Path dir, Map<String, Path> devs, String upsdConf, String upsdUsers) {
        try {
            Files.createDirectories(dir.resolve("state"));
            StringBuilder ups = new StringBuilder();
            for (Map.Entry<String, Path> e : devs.entrySet()) {
                String file = e.getKey() + (e.getValue().toString().endsWith(".seq") ? ".seq" : ".dev");
                Files.copy(e.getValue(), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                ups.append('[').append(e.getKey()).append("]\n\tdriver = dummy-ups\n\tport = ").append(file)
                        .append("\n\tpollinterval = 2\n\tdesc = \"nut-sandbox ").append(e.getKey()).append("\"\n\n");
            }
            Files.writeString(dir.resolve("ups.conf"), ups);
            Files.writeString(dir.resolve("upsd.conf"), upsdConf);
            Files.writeString(dir.resolve("upsd.users"), upsdUsers);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** upsd.users with an administrator (SET, FSD, every command) and a upsmon user of {@code role}. */
    public static String users(String admin, String adminPassword, String monuser, String monPassword, String role) {
        return """
                [%s]
                \tpassword = %s
                \tactions = SET FSD
                \tinstcmds = ALL

                [%s]
                \tpassword = %s
                \tupsmon %s
                """.formatted(admin, adminPassword, monuser, monPassword, role);
    }
}
