package org.knut.monitor.runtime;

import java.util.List;

import org.jboss.logging.Logger;
import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.engine.TimeSource;
import org.knut.monitor.engine.Upsmon;
import org.knut.monitor.kubernetes.KubernetesNodeShutdown;
import org.knut.monitor.kubernetes.KubernetesSettings;
import org.knut.monitor.kubernetes.NodeDrain;
import org.knut.monitor.kubernetes.NodeEvents;
import org.knut.monitor.kubernetes.NodeProfile;
import org.knut.monitor.kubernetes.PrimaryLease;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.ShutdownCommand;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Kubernetes mode wired: reads this node (its UPS and thresholds), competes for the primary role of that
 * UPS through its Lease, records the node's Events and ends a shutdown with drain and power-off.
 */
public final class KubernetesAssembly implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KubernetesAssembly.class);

    private final Upsmon upsmon;
    private final PrimaryLease lease;
    private final NodeEvents events;

    private KubernetesAssembly(Upsmon upsmon, PrimaryLease lease, NodeEvents events) {
        this.upsmon = upsmon;
        this.lease = lease;
        this.events = events;
    }

    /** With the configured power-off command as the last step. */
    public static KubernetesAssembly start(KubernetesClient client, KubernetesSettings k, MonitorSettings base, CommandRunner runner)
            throws ConfigException {
        return start(client, k, base, runner,
                new ShutdownCommand("power-off command", k.powerOffCommand(), runner, MonitorAssembly.SHUTDOWNCMD_LIMIT));
    }

    /** {@code powerOff} is the host's power-off step (a recorder in tests). */
    public static KubernetesAssembly start(KubernetesClient client, KubernetesSettings k, MonitorSettings base, CommandRunner runner,
            HostShutdown powerOff) throws ConfigException {
        String namespace = namespace(client, k);
        Node node;
        try {
            node = client.nodes().withName(k.nodeName()).get();
        } catch (KubernetesClientException e) {
            throw new ConfigException("knut.monitor.kubernetes.node-name", 0,
                    "cannot read node " + k.nodeName() + " (" + e.getCode() + "): " + e.getMessage());
        }
        if (node == null) {
            throw new ConfigException("knut.monitor.kubernetes.node-name", 0, "node " + k.nodeName() + " does not exist");
        }
        NodeProfile profile = NodeProfile.of(node, k, base.thresholds());
        MonitorSettings settings = profile.apply(base);
        List<String> candidates = settings.conf().monitors().stream().filter(Monitor::primary).map(m -> m.ups().ups()).distinct().toList();
        LOG.infof("Kubernetes mode: node %s is fed by UPS %s (%s); thresholds %s; Leases and Events in namespace %s; %s",
                k.nodeName(), profile.ups(), k.upsKey(), settings.thresholds(), namespace,
                candidates.isEmpty() ? "secondary only" : "primary candidate for " + candidates);
        NodeEvents events = new NodeEvents(client, namespace, k.nodeName(), node.getMetadata().getUid());
        PrimaryLease lease = new PrimaryLease(client, namespace, k.nodeName(), k.lease());
        NodeDrain drain = new NodeDrain(client, k.nodeName(), k.evictionBudget(), k.evictionRetry(), TimeSource.SYSTEM);
        HostShutdown host = new KubernetesNodeShutdown(k.nodeName(), events, drain, powerOff, settings.dryRun());
        Upsmon upsmon = MonitorAssembly.upsmon(settings, runner, host, lease, List.of(events));
        lease.compete(candidates);
        return new KubernetesAssembly(upsmon, lease, events);
    }

    /** knut.monitor.kubernetes.namespace, POD_NAMESPACE, else the client's (the service account's) namespace. */
    static String namespace(KubernetesClient client, KubernetesSettings k) {
        return k.namespace().orElseGet(() -> client.getNamespace() == null ? "default" : client.getNamespace());
    }

    public Upsmon upsmon() {
        return upsmon;
    }

    public PrimaryLease lease() {
        return lease;
    }

    @Override
    public void close() {
        lease.close();
        events.close();
    }
}
