package org.knut.driver.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import org.knut.core.testing.Ports;
import org.knut.driver.testing.RealNut;
import org.knut.driver.testing.TempDirs;

/** A NUT configuration directory with two dummy-ups UPS, and TCP driver sockets from a free base port. */
public class ServeProfile implements QuarkusTestProfile {
    static final Path DIR;
    static final int TCP_BASE;

    static {
        try {
            DIR = Files.createTempDirectory("knut-serve");
            Files.writeString(DIR.resolve("a.dev"), "ups.mfr: ACME\nups.status: OL\nbattery.charge: 100\n");
            Files.writeString(DIR.resolve("b.dev"), "ups.status: OB\nbattery.charge: 40\n");
            Files.writeString(DIR.resolve("ups.conf"), """
                    [a]
                    \tdriver = dummy-ups
                    \tport = a.dev
                    [b]
                    \tdriver = dummy-ups
                    \tport = b.dev
                    \tpollinterval = 1
                    """);
            TCP_BASE = Ports.free();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirs.delete(DIR)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("knut.conf-path", DIR.toString(), "knut.state-path", DIR.resolve("state").toString(),
                "knut.driver.tcp.port", String.valueOf(TCP_BASE));
    }
}
