package org.knut.monitor.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.knut.core.config.ConfigException;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.engine.Upsmon;
import org.knut.monitor.events.UpsdEventStream;
import org.knut.monitor.kubernetes.KubernetesSettings;
import org.knut.monitor.process.ProcessCommandRunner;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Runs the engine on its own thread, on a bare host or in Kubernetes mode, and follows upsd's events when
 * configured. When the shutdown is done the process exits as upsmon does (SHUTDOWNEXIT), which closes the
 * upsd sessions and lets a primary's NUMLOGINS wait end.
 */
@ApplicationScoped
public class MonitorService {
    private static final Logger LOG = Logger.getLogger(MonitorService.class);
    /** NOTIFYCMD, wall and timer commands are killed after this long. */
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(5);

    /** Only made (from the pod's service account or kubeconfig) in Kubernetes mode. */
    @Inject
    Instance<KubernetesClient> kubernetesClient;

    private volatile Upsmon upsmon;
    private Thread thread;
    private ProcessCommandRunner runner;
    private KubernetesAssembly kubernetes;
    private UpsdEventStream events;

    public synchronized void start(MonitorSettings settings, Optional<KubernetesSettings> k8s, Optional<URI> eventsUrl)
            throws ConfigException {
        if (upsmon != null) {
            throw new IllegalStateException("the monitor is already running");
        }
        runner = new ProcessCommandRunner(COMMAND_LIMIT);
        if (k8s.isPresent()) {
            kubernetes = KubernetesAssembly.start(kubernetesClient.get(), k8s.get(), settings, runner);
            upsmon = kubernetes.upsmon();
        } else {
            upsmon = MonitorAssembly.bareHost(settings, runner);
        }
        if (eventsUrl.isPresent()) {
            events = new UpsdEventStream(eventsUrl.get(),
                    upsmon.monitors().stream().map(m -> m.ups().ups()).collect(Collectors.toSet()), upsmon.pollRequests()::request);
            events.start();
        }
        thread = new Thread(this::runEngine, "upsmon");
        thread.start();
    }

    private void runEngine() {
        Upsmon u = upsmon;
        u.run();
        if (u.state() == Upsmon.State.FINISHED) {
            LOG.warn("Exiting upsmon program after initiating shutdown");
            Quarkus.asyncExit(0);
        }
    }

    public Optional<Upsmon> upsmon() {
        return Optional.ofNullable(upsmon);
    }

    /** Whether the engine thread ended without being asked to (a bug, not a shutdown). */
    public boolean died() {
        Upsmon u = upsmon;
        return u != null && thread != null && !thread.isAlive() && u.state() != Upsmon.State.FINISHED
                && u.state() != Upsmon.State.STOPPED;
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void stop() {
        if (events != null) {
            events.close();
        }
        if (upsmon == null) {
            return;
        }
        upsmon.stop();
        // never cut a running shutdown short: SHUTDOWNCMD itself may be what stops this process
        if (upsmon.state() != Upsmon.State.SHUTTING_DOWN && Thread.currentThread() != thread) {
            thread.interrupt();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kubernetes != null) {
            kubernetes.close();
        }
        runner.close();
    }
}
