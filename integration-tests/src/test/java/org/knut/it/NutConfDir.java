package org.knut.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a NUT configuration directory: one dummy-ups section per .dev file, and the demo's users. */
final class NutConfDir {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";
    static final String MONUSER = "monuser";
    static final String MONPASS = "monpass";

    private NutConfDir() {
    }

    /** {@code devs} maps UPS name to the .dev/.seq file it replays (copied into {@code dir}). */
    static Path write(Path dir, Map<String, Path> devs) throws IOException {
        Files.createDirectories(dir);
        StringBuilder ups = new StringBuilder();
        for (Map.Entry<String, Path> e : devs.entrySet()) {
            String file = e.getKey() + "." + extension(e.getValue());
            Files.copy(e.getValue(), dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ups.append('[').append(e.getKey()).append("]\n\tdriver = dummy-ups\n\tport = ").append(file)
                    .append("\n\tdesc = \"").append(e.getValue().getFileName()).append("\"\n\n");
        }
        Files.writeString(dir.resolve("ups.conf"), ups);
        Files.writeString(dir.resolve("upsd.conf"), "MAXAGE 15\n");
        Files.writeString(dir.resolve("upsd.users"), """
                [%s]
                \tpassword = %s
                \tactions = SET FSD
                \tinstcmds = ALL

                [%s]
                \tpassword = %s
                \tupsmon secondary
                """.formatted(ADMIN, ADMIN_PASSWORD, MONUSER, MONPASS));
        return dir;
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".seq") ? "seq" : "dev";
    }
}
