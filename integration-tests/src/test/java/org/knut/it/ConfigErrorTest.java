package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Ports;

/** A broken NUT configuration stops each service at startup with file, line and reason. */
class ConfigErrorTest {
    @TempDir
    Path tmp;

    @Test
    void upsdRefusesABrokenUsersFile() throws Exception {
        Path conf = NutConfDir.write(tmp.resolve("conf"), Map.of("demo", Paths.root().resolve("demo/demo.dev")));
        Files.writeString(conf.resolve("upsd.users"), "[admin]\n\tpassword = x\n\tactions = DESTROY\n");
        String log = runToExit(Paths.upsdJar(), conf, "-Dknut.upsd.listen=127.0.0.1:" + Ports.free());
        assertTrue(log.contains("upsd.users line 3"), log);
        assertTrue(log.contains("DESTROY"), log);
    }

    @Test
    void driverServiceRefusesABrokenUpsConf() throws Exception {
        Path conf = NutConfDir.write(tmp.resolve("conf"), Map.of("demo", Paths.root().resolve("demo/demo.dev")));
        Files.writeString(conf.resolve("ups.conf"), "[demo]\n\tdriver = dummy-ups\n\tport = \"demo.dev\n");
        String log = runToExit(Paths.driverJar(), conf, "-Dquarkus.http.port=" + Ports.free());
        assertTrue(log.contains("ups.conf line 3"), log);
        assertTrue(log.contains("unbalanced quotes"), log);
    }

    private String runToExit(Path jar, Path conf, String property) throws Exception {
        Path log = tmp.resolve(jar.getParent().getParent().getParent().getFileName() + ".log");
        Process p = Processes.start(List.of("java", property, "-jar", jar.toString()),
                Map.of("NUT_CONFPATH", conf.toString(), "NUT_STATEPATH", conf.resolve("state").toString()), log);
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "service kept running on a broken config");
            assertNotEquals(0, p.exitValue(), "exit code");
            return Files.readString(log);
        } finally {
            Processes.stop(p);
        }
    }
}
