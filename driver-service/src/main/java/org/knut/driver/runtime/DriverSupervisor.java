package org.knut.driver.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;

import org.jboss.logging.Logger;
import org.knut.core.config.ConfigException;
import org.knut.driver.config.DriverConfig;
import org.knut.driver.config.DriverConfigLoader;
import org.knut.driver.config.DriverSection;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.spi.DriverRegistry;

/**
 * upsdrvctl for this instance: reads ups.conf, runs a {@link UpsRunner} for each selected UPS, and
 * starts or stops them on request.
 */
@ApplicationScoped
public class DriverSupervisor {
    private static final Logger LOG = Logger.getLogger(DriverSupervisor.class);

    private final DriverRegistry registry;
    private final DriverSettings settings;
    private final Map<String, UpsRunner> runners = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean loaded;

    @Inject
    public DriverSupervisor(DriverRegistry registry, DriverSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /** Reads the configuration (once) and starts every selected UPS. */
    public synchronized void startAll() throws ConfigException {
        if (!loaded) {
            DriverConfig config = new DriverConfigLoader(registry).load(settings, System.getenv());
            RunnerEnvironment env = new RunnerEnvironment(config.confDir(), config.stateDir(), settings.tcpHost(),
                    settings.tcpPort(), settings.maxPendingBytes(), config.retryDelay(), Clock.systemUTC(),
                    settings.tcpSecurity());
            for (DriverSection s : config.selected()) {
                runners.put(s.name(), new UpsRunner(s, registry.find(s.driver()), env));
            }
            loaded = true;
            LOG.infof("driver sockets in %s; running %d of %d UPS from %s", config.stateDir(), config.selected().size(),
                    config.sectionCount(), config.confDir().resolve("ups.conf"));
        }
        for (UpsRunner r : runners()) {
            r.start();
        }
    }

    /** True once the configuration was read and the runners exist. */
    public boolean loaded() {
        return loaded;
    }

    public List<UpsRunner> runners() {
        synchronized (runners) {
            return new ArrayList<>(runners.values());
        }
    }

    /** The runner of a UPS this instance runs, or null. */
    public UpsRunner runner(String ups) {
        return runners.get(ups);
    }

    void stopAll(@Observes ShutdownEvent ev) {
        for (UpsRunner r : runners()) {
            r.stop();
        }
    }
}
