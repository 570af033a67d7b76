package org.knut.it;

import java.nio.file.Path;
import java.util.Map;

/** NUT configuration directories with the demo's users (upsd.users of demo/), for the packaged stack. */
final class NutConfDir {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";
    static final String MONUSER = "monuser";
    static final String MONPASS = "monpass";

    private NutConfDir() {
    }

    /** {@code devs} maps UPS name to the .dev/.seq file it replays (copied into {@code dir}). */
    static Path write(Path dir, Map<String, Path> devs) {
        return org.knut.core.testing.NutConfDir.write(dir, devs, "MAXAGE 15\n", users());
    }

    /** As {@link #write}, with the monitor user allowed to log in as a primary ({@code upsmon primary}). */
    static Path writeWithPrimary(Path dir, Map<String, Path> devs) {
        return org.knut.core.testing.NutConfDir.write(dir, devs, "MAXAGE 15\n",
                org.knut.core.testing.NutConfDir.users(ADMIN, ADMIN_PASSWORD, MONUSER, MONPASS, "primary"));
    }

    /** upsd.users with the demo's users. */
    static String users() {
        return org.knut.core.testing.NutConfDir.users(ADMIN, ADMIN_PASSWORD, MONUSER, MONPASS, "secondary");
    }
}
