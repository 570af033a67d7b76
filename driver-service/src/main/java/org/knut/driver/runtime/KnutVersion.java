package org.knut.driver.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, published as {@code driver.version} (where NUT publishes its release). */
public final class KnutVersion {
    private static final String VERSION = load();

    private KnutVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = KnutVersion.class.getResourceAsStream("/knut-driver.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to the placeholder
        }
        return "knut " + p.getProperty("version", "unknown");
    }
}
