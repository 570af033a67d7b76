package org.knut.upsd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.knut.upsd.testing.NutConf;
import org.knut.core.testing.Ports;
import org.knut.core.testing.TempTree;
import org.knut.upsd.testing.RealDummyUps;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For the Quarkus test: a NUT config dir with one UPS "demo" served by Debian's real dummy-ups, and the
 * settings that point the application at it.
 */
public class RealDriverResource implements QuarkusTestResourceLifecycleManager {
    static volatile RealDummyUps driver;
    static volatile int nutPort;
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("upsd-quarkus");
            Path conf = NutConf.write(dir, Map.of("demo", NutConf.ddl("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev")),
                    "MAXAGE 15\n");
            driver = RealDummyUps.start(conf, conf.resolve("state"), "demo");
            nutPort = Ports.free();
            return Map.of("knut.conf-path", conf.toString(), "knut.state-path", conf.resolve("state").toString(),
                    "knut.upsd.listen", "127.0.0.1:" + nutPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (driver != null) {
            driver.close();
        }
        try {
            TempTree.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
