package org.knut.monitor.kubernetes;

import java.util.List;

import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.ShutdownImpossible;
import org.knut.monitor.shutdown.StepLog;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The last step in Kubernetes mode: an Event on the node as soon as the shutdown begins, then cordon,
 * evictions in priority order within the budget, and the host's power-off (logind over D-Bus in PID 1's
 * namespaces, so the kubelet's graceful node shutdown stops what is left). A dry run records the Event
 * and logs the cordon, the evictions it would ask for and the power-off, in order.
 */
public final class KubernetesNodeShutdown implements HostShutdown {
    private final String node;
    private final NodeEvents events;
    private final NodeDrain drain;
    private final HostShutdown powerOff;
    private final boolean dryRun;

    /** {@code powerOff} is the power-off command; tests put a recorder there. */
    public KubernetesNodeShutdown(String node, NodeEvents events, NodeDrain drain, HostShutdown powerOff, boolean dryRun) {
        this.node = node;
        this.events = events;
        this.drain = drain;
        this.powerOff = powerOff;
        this.dryRun = dryRun;
    }

    @Override
    public String describe() {
        return "drain node " + node + " (cordon, evictions within " + drain.budget().toSeconds() + " s), then "
                + powerOff.describe();
    }

    @Override
    public void begin(String why, StepLog log) {
        String message = (dryRun ? "[dry run: nothing is drained or powered off] " : "") + "power-fail shutdown of node " + node
                + " begins: " + why;
        boolean recorded = events.record("Warning", NodeEvents.SHUTDOWN_REASON, message);
        log.step(recorded ? "recorded Event " + NodeEvents.SHUTDOWN_REASON + " on node " + node
                : "could not record Event " + NodeEvents.SHUTDOWN_REASON + " on node " + node);
    }

    @Override
    public void shutDown(StepLog log) throws InterruptedException, ShutdownImpossible {
        drain.cordon(log);
        EvictionPlan plan;
        try {
            plan = drain.plan();
        } catch (KubernetesClientException e) {
            log.step("cannot list the pods of node " + node + " (" + e.getCode() + "): " + e.getMessage() + "; powering off");
            plan = EvictionPlan.of(List.of());
        }
        drain.evict(plan, log);
        log.step(powerOff.describe());
        powerOff.shutDown(log);
    }

    @Override
    public void rehearse(StepLog log) {
        log.step("would cordon node " + node);
        try {
            EvictionPlan plan = drain.plan();
            log.step("would evict " + plan.size() + " pods within " + drain.budget().toSeconds() + " s, lowest priority first"
                    + " (at most " + plan.worstCaseSeconds() + " s if each used its whole grace period)"
                    + (plan.skipped().isEmpty() ? "" : "; left to the kubelet: " + String.join(", ", plan.skipped())));
            for (String group : plan.describe()) {
                log.step("would evict " + group);
            }
        } catch (KubernetesClientException e) {
            log.step("cannot list the pods of node " + node + " (" + e.getCode() + "): " + e.getMessage());
        }
        log.step("would " + powerOff.describe());
    }
}
