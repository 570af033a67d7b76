package org.knut.driver.app;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import org.knut.core.config.ConfigException;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.runtime.DriverSupervisor;
import org.knut.driver.spi.DriverRegistry;

/**
 * Entry point. Without arguments the service runs every configured UPS until it is stopped; with
 * {@code driver <drivername> ...} it runs one driver once and prints its data ({@link DumpCommand}).
 */
@QuarkusMain
public class DriverMain implements QuarkusApplication {
    @Inject
    DriverSupervisor supervisor;

    @Inject
    DriverRegistry registry;

    @Inject
    DriverSettings settings;

    @Override
    public int run(String... args) {
        if (args.length > 0 && args[0].equals("driver")) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return new DumpCommand(registry, settings, System.getenv(), System.out, System.err).run(rest);
        }
        if (args.length > 0) {
            System.err.println("usage: (no arguments: serve ups.conf) | driver <drivername> [-a <ups>] [-x key=value]... [-d <n>] [-k]");
            return 2;
        }
        try {
            supervisor.startAll();
        } catch (ConfigException e) {
            System.err.println("knut: configuration error: " + e.getMessage());
            return 1;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
