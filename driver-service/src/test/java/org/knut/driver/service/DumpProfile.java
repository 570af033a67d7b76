package org.knut.driver.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import org.knut.driver.testing.TempDirs;

/**
 * What the launcher passes in dump mode ({@code quarkus.http.host-enabled=false}), with a configuration
 * directory whose ups.conf names a driver this service does not have (for the serve-mode error).
 */
public class DumpProfile implements QuarkusTestProfile {
    static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("knut-dump");
            Files.writeString(DIR.resolve("ups.dev"), "ups.status: OB LB\nbattery.charge: 5\n");
            Files.writeString(DIR.resolve("ups.conf"), "[ok]\n\tdriver = dummy-ups\n\tport = ups.dev\n\n[bad]\n\tdriver = nosuch\n\tport = x\n");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirs.delete(DIR)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.host-enabled", "false", "knut.conf-path", DIR.toString(), "knut.state-path",
                DIR.resolve("state").toString());
    }
}
