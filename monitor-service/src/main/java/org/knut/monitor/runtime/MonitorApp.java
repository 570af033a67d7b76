package org.knut.monitor.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.logging.Level;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.knut.core.config.ConfigException;
import org.knut.monitor.config.MonitorArgs;
import org.knut.monitor.config.MonitorConfig;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.config.SettingsLoader;
import org.knut.monitor.drill.Report;
import org.knut.monitor.kubernetes.KubernetesSettings;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry: the monitor (bare host or, with knut.monitor.kubernetes.enabled, a DaemonSet pod), or with
 * {@code fire-drill} the drill's report. The bare-host entry: {@code java -jar quarkus-run.jar -c /etc/nut/upsmon.conf} reads a NUT upsmon.conf
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

    /** Only made in Kubernetes mode. */
    @Inject
    Instance<KubernetesClient> kubernetesClient;

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
        Optional<KubernetesSettings> k8s;
        Optional<URI> events;
        try {
            settings = SettingsLoader.load(a.confFile(), a.dryRun(), config, confPath, System.getenv());
            k8s = KubernetesSettings.of(config.kubernetes(), System.getenv());
            events = eventsUrl();
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            return 1;
        }
        Integer debugMin = settings.conf().debugMin();
        if (a.debug() > 0 || (debugMin != null && debugMin > 0)) {
            KNUT_MONITOR_LOG.setLevel(Level.FINE);
        }
        if (a.fireDrill()) {
            return fireDrill(settings, k8s, a);
        }
        if (settings.conf().runAsUser() != null) {
            LOG.infof("RUN_AS_USER %s ignored: run the monitor as that user instead", settings.conf().runAsUser());
        }
        try {
            service.start(settings, k8s, events);
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            return 1;
        }
        Quarkus.waitForExit();
        return 0;
    }

    private Optional<URI> eventsUrl() throws ConfigException {
        if (config.eventsUrl().isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(config.eventsUrl().get());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException("knut.monitor.events-url", 0, "'" + config.eventsUrl().get() + "' is not an http(s) URL");
    }

    /** Prints the drill's report; 0 when every node is down in time, 3 when not, 1 when the drill could not run. */
    private int fireDrill(MonitorSettings settings, Optional<KubernetesSettings> k8s, MonitorArgs a) {
        if (a.debug() == 0) {
            // the simulated engines would log every simulated step: only the report is wanted
            KNUT_MONITOR_LOG.setLevel(Level.SEVERE);
        }
        FireDrillCommand drill = new FireDrillCommand(settings, config.hostShutdownTime(), a.runtime());
        try {
            Report report = k8s.isPresent() ? drill.cluster(kubernetesClient.get(), k8s.get()) : drill.bareHost();
            System.out.print(report.render());
            System.out.flush();
            return report.safe() ? 0 : 3;
        } catch (IOException | KubernetesClientException e) {
            System.err.println("knut monitor fire-drill: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
