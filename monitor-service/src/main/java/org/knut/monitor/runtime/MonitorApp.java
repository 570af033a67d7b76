package org.knut.monitor.runtime;

import java.util.Optional;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.knut.core.config.ConfigException;
import org.knut.monitor.config.MonitorArgs;
import org.knut.monitor.config.MonitorConfig;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.config.SettingsLoader;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The bare-host entry: {@code java -jar quarkus-run.jar -c /etc/nut/upsmon.conf} reads a NUT upsmon.conf
 * unchanged and watches until stopped or until it has shut the host down. Health is served on
 * {@code /q/health/live} and {@code /q/health/ready} (port 8082 unless quarkus.http.port says otherwise).
 */
@QuarkusMain
public class MonitorApp implements QuarkusApplication {
    private static final Logger LOG = Logger.getLogger(MonitorApp.class);
    /** Held so the level set by -D is not lost with a collected logger. */
    private static final java.util.logging.Logger KNUT_MONITOR_LOG = java.util.logging.Logger.getLogger("org.knut.monitor");

    @Inject
    MonitorService service;

    @Inject
    MonitorConfig config;

    @ConfigProperty(name = "knut.conf-path")
    Optional<String> confPath;

    @Override
    public int run(String... args) {
        MonitorArgs a;
        try {
            a = MonitorArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("knut monitor: " + e.getMessage());
            System.err.println(MonitorArgs.USAGE);
            return 2;
        }
        if (a.help()) {
            System.out.println(MonitorArgs.USAGE);
            return 0;
        }
        MonitorSettings settings;
        try {
            settings = SettingsLoader.load(a.confFile(), a.dryRun(), config, confPath, System.getenv());
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            return 1;
        }
        Integer debugMin = settings.conf().debugMin();
        if (a.debug() > 0 || (debugMin != null && debugMin > 0)) {
            KNUT_MONITOR_LOG.setLevel(Level.FINE);
        }
        if (settings.conf().runAsUser() != null) {
            LOG.infof("RUN_AS_USER %s ignored: run the monitor as that user instead", settings.conf().runAsUser());
        }
        service.start(settings);
        Quarkus.waitForExit();
        return 0;
    }
}
