package org.knut.admin.fleet;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.knut.admin.upsd.NutUpsd;
import org.knut.admin.upsd.RestEvents;
import org.knut.admin.upsd.RestUpsd;
import org.knut.admin.upsd.Upsd;
import org.knut.core.config.ConfigException;
import org.knut.core.config.HostsConf;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Every UPS of hosts.conf, read every poll interval on a small thread pool (a slow upsd delays only its
 * own UPSes) and, for knut upsds, again at once on each of their events. Listeners hear of every UPS
 * whose shown state changed: the browsers' live updates.
 */
@ApplicationScoped
public class Fleet {
    private static final Logger LOG = Logger.getLogger(Fleet.class);
    private static final int MAX_THREADS = 8;

    @Inject
    AdminConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "knut.conf-path")
    Optional<String> confPath;

    private final Clock clock = Clock.systemDefaultZone();
    private final Map<String, MonitoredUps> bySystem = new LinkedHashMap<>();
    private final List<RestEvents> streams = new ArrayList<>();
    private final List<Consumer<MonitoredUps>> listeners = new CopyOnWriteArrayList<>();
    private FleetConfig fleetConfig;
    private ScheduledExecutorService pool;

    void start(@Observes StartupEvent event) {
        try {
            fleetConfig = FleetConfig.load(config, confPath, System.getenv());
        } catch (ConfigException e) {
            LOG.errorf("configuration error: %s", e.getMessage());
            throw new IllegalStateException("configuration error: " + e.getMessage(), e);
        }
        Map<String, Upsd> upsds = new HashMap<>();
        for (HostsConf.Monitor m : fleetConfig.hosts().monitors()) {
            URI rest = fleetConfig.restOf(m.id());
            Upsd upsd = upsds.computeIfAbsent(FleetConfig.key(m.id().host(), m.id().port()), k -> rest != null
                    ? new RestUpsd(rest, config.timeout(), json)
                    : new NutUpsd(m.id().host(), m.id().port(), config.timeout()));
            bySystem.put(m.system(), new MonitoredUps(m, upsd, config.historySize(), config.eventLogSize()));
        }
        pool = Executors.newScheduledThreadPool(Math.max(1, Math.min(MAX_THREADS, bySystem.size())), r -> {
            Thread t = new Thread(r, "knut-admin-poller");
            t.setDaemon(true);
            return t;
        });
        long every = config.pollInterval().toMillis();
        for (MonitoredUps u : bySystem.values()) {
            pool.scheduleWithFixedDelay(() -> refresh(u), 0, every, TimeUnit.MILLISECONDS);
        }
        for (Upsd upsd : upsds.values()) {
            if (upsd instanceof RestUpsd rest) {
                streams.add(new RestEvents(rest.base(), config.timeout().dividedBy(5), json, name -> onEvent(rest, name)));
            }
        }
        LOG.infof("monitoring %d UPS from %s (%d upsds, %d over REST), every %s", bySystem.size(),
                fleetConfig.hostsFile(), upsds.size(), streams.size(), config.pollInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        streams.forEach(RestEvents::close);
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    public Optional<FleetConfig> configuration() {
        return Optional.ofNullable(fleetConfig);
    }

    public List<MonitoredUps> all() {
        return List.copyOf(bySystem.values());
    }

    public Optional<MonitoredUps> find(String system) {
        return Optional.ofNullable(bySystem.get(system));
    }

    /** Calls {@code listener} with each UPS whose shown state changed; closing the result stops it. */
    public AutoCloseable subscribe(Consumer<MonitoredUps> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Rereads a UPS soon (after a change made through the UI, so the page shows its effect). */
    public void refreshSoon(MonitoredUps u) {
        if (u.queueRefresh()) {
            pool.execute(() -> refresh(u));
        }
    }

    private void onEvent(RestUpsd upsd, String name) {
        for (MonitoredUps u : bySystem.values()) {
            if (u.upsd() == upsd && u.name().equalsIgnoreCase(name)) {
                refreshSoon(u);
            }
        }
    }

    /** Never throws: an exception would end the UPS's periodic reads. */
    private void refresh(MonitoredUps u) {
        try {
            if (u.refresh(clock)) {
                for (Consumer<MonitoredUps> l : listeners) {
                    try {
                        l.accept(u);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "a listener failed on %s", u.system());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "reading %s", u.system());
        }
    }
}
