package org.knut.driver.testing;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.knut.driver.app.DumpCommand;
import org.knut.driver.config.DriverSettings;

/**
 * {@code knut driver ...} in a JVM of its own, on the serial drivers, without Quarkus: for tests that
 * must give our driver a process environment (an LD_PRELOAD shim, NUT_CONFPATH).
 */
public final class DumpMain {
    private DumpMain() {
    }

    public static void main(String[] args) {
        int rc = new DumpCommand(SerialDrivers.REGISTRY, DriverSettings.forConfDir(Optional.empty()), System.getenv(),
                new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err).run(Arrays.asList(args));
        System.exit(rc);
    }

    /** The command line that runs this class with {@code args} in a new JVM on this test class path. */
    public static List<String> command(String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DumpMain.class.getName()));
        argv.addAll(Arrays.asList(args));
        return argv;
    }
}
