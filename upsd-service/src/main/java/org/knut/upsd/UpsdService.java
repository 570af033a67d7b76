package org.knut.upsd;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.knut.core.config.ConfigException;
import org.knut.upsd.config.SettingsLoader;
import org.knut.upsd.config.UpsdSettings;
import org.knut.upsd.protocol.ServerIdentity;
import org.knut.upsd.state.ServedUps;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * upsd as a Quarkus service: reads the configuration at startup (an error stops startup with file,
 * line and reason), then runs {@link Upsd} until shutdown.
 */
@ApplicationScoped
public class UpsdService {
    private static final Logger LOG = Logger.getLogger(UpsdService.class);

    private volatile Upsd upsd;

    void start(@Observes StartupEvent event) throws Exception {
        Config config = ConfigProvider.getConfig();
        UpsdSettings settings;
        try {
            settings = new SettingsLoader(key -> config.getOptionalValue(key, String.class), config.getPropertyNames(),
                    System.getenv()).load();
        } catch (ConfigException e) {
            LOG.errorf("configuration error: %s", e.getMessage());
            throw new IllegalStateException("configuration error: " + e.getMessage(), e);
        }
        LOG.infof("NUT configuration from %s, driver sockets in %s, %d users, %d descriptions", settings.confDir(),
                settings.statePath(), settings.users().users().size(), settings.descriptions().size());
        String version = config.getOptionalValue("quarkus.application.version", String.class).orElse("dev");
        upsd = Upsd.start(settings, ServerIdentity.of(version));
    }

    void stop(@Observes ShutdownEvent event) {
        Upsd u = upsd;
        upsd = null;
        if (u != null) {
            u.close();
        }
    }

    /** The served UPSes, empty before startup completes. */
    public List<ServedUps> upses() {
        return Optional.ofNullable(upsd).map(u -> u.registry().all()).orElse(List.of());
    }

    /** The running upsd; empty before startup completes and after shutdown. */
    public Optional<Upsd> running() {
        return Optional.ofNullable(upsd);
    }

    public boolean listening() {
        Upsd u = upsd;
        return u != null && u.listening();
    }
}
