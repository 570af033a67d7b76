package org.knut.monitor.kubernetes;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.knut.monitor.engine.TimeSource;
import org.knut.monitor.shutdown.StepLog;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Empties a node before it is powered off: cordons it, then evicts its pods through the Eviction API
 * (so PodDisruptionBudgets are respected) one priority group after the other, lowest first, each group
 * waited for until its pods are gone. An eviction a budget refuses (429) is asked again every
 * {@code retry} without holding back the next group; when {@code budget} is spent the drain stops and
 * the power-off goes ahead, leaving what remains to the kubelet's graceful node shutdown.
 */
public final class NodeDrain {
    /** How often the node's pods are listed while evicted pods terminate. */
    static final Duration GONE_POLL = Duration.ofMillis(250);

    private enum Outcome {
        ACCEPTED, GONE, BLOCKED, FAILED
    }

    private final KubernetesClient client;
    private final String node;
    private final Duration budget;
    private final Duration retry;
    private final TimeSource time;

    public NodeDrain(KubernetesClient client, String node, Duration budget, Duration retry, TimeSource time) {
        // fabric8 retries a 429 by itself with a growing backoff that could spend the whole budget on one pod
        this.client = Clients.withoutRetries(client, null);
        this.node = node;
        this.budget = budget;
        this.retry = retry;
        this.time = time;
    }

    public Duration budget() {
        return budget;
    }

    /** Marks the node unschedulable, as {@code kubectl cordon}. */
    public void cordon(StepLog log) {
        try {
            client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"unschedulable\":true}}");
            log.step("cordoned node " + node);
        } catch (KubernetesClientException e) {
            log.step("cordon of node " + node + " failed (" + e.getCode() + "): " + e.getMessage() + "; draining anyway");
        }
    }

    /** The pods of {@code node} as the API server lists them now. */
    public static List<Pod> pods(KubernetesClient client, String node) {
        // the field selector does the work on a real API server; the filter keeps a lax one honest
        return client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems().stream()
                .filter(p -> p.getSpec() != null && node.equals(p.getSpec().getNodeName())).toList();
    }

    public EvictionPlan plan() {
        return EvictionPlan.of(pods(client, node));
    }

    /** Evicts the plan's pods in order within the budget; returns the pods still on the node when it stops. */
    public List<String> evict(EvictionPlan plan, StepLog log) throws InterruptedException {
        Instant deadline = time.now().plus(budget);
        log.step("evicting " + plan.size() + " pods of node " + node + " within " + budget.toSeconds() + " s, lowest priority first"
                + (plan.skipped().isEmpty() ? "" : "; left to the kubelet: " + String.join(", ", plan.skipped())));
        Map<String, Pod> blocked = new LinkedHashMap<>();
        Map<String, Instant> retryAt = new LinkedHashMap<>();
        boolean inTime = true;
        for (Map.Entry<Integer, List<Pod>> group : plan.groups().entrySet()) {
            log.step("evicting priority " + group.getKey() + ": " + names(group.getValue()));
            Map<String, Pod> accepted = new LinkedHashMap<>();
            for (Pod p : group.getValue()) {
                request(p, accepted, blocked, retryAt, log);
            }
            if (!awaitGone(accepted, blocked, retryAt, deadline, false, log)) {
                inTime = false;
                break;
            }
        }
        if (inTime && !blocked.isEmpty()) {
            awaitGone(new LinkedHashMap<>(), blocked, retryAt, deadline, true, log);
        }
        Set<String> present = presentUids();
        List<String> left = plan.groups().values().stream().flatMap(List::stream)
                .filter(p -> present.contains(p.getMetadata().getUid())).map(EvictionPlan::key).toList();
        if (left.isEmpty()) {
            log.step("node " + node + " drained");
        } else {
            log.step("eviction budget of " + budget.toSeconds() + " s spent; powering off with " + String.join(", ", left)
                    + " still on the node (the kubelet's graceful shutdown stops them)");
        }
        return left;
    }

    private void request(Pod p, Map<String, Pod> accepted, Map<String, Pod> blocked, Map<String, Instant> retryAt, StepLog log) {
        String key = EvictionPlan.key(p);
        switch (evictOne(p, log)) {
            case ACCEPTED -> {
                accepted.put(key, p);
                if (blocked.remove(key) != null) {
                    log.step("eviction of " + key + " accepted after the disruption budget allowed it");
                }
            }
            case BLOCKED -> {
                if (blocked.put(key, p) == null) {
                    log.step("eviction of " + key + " refused by a PodDisruptionBudget (429), asking again every "
                            + retry.toMillis() + " ms");
                }
                retryAt.put(key, time.now().plus(retry));
            }
            case GONE, FAILED -> blocked.remove(key);
        }
    }

    private Outcome evictOne(Pod p, StepLog log) {
        try {
            boolean evicted = client.pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName()).evict();
            return evicted ? Outcome.ACCEPTED : Outcome.BLOCKED;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Outcome.GONE;
            }
            log.step("eviction of " + EvictionPlan.key(p) + " failed (" + e.getCode() + "): " + e.getMessage());
            return Outcome.FAILED;
        }
    }

    /**
     * Waits until the accepted pods are gone (and, with {@code forBlocked}, the refused ones too), asking
     * again for the refused ones as their retry falls due. False when the deadline passed first.
     */
    private boolean awaitGone(Map<String, Pod> accepted, Map<String, Pod> blocked, Map<String, Instant> retryAt, Instant deadline,
            boolean forBlocked, StepLog log) throws InterruptedException {
        while (true) {
            Set<String> present = presentUids();
            accepted.values().removeIf(p -> !present.contains(p.getMetadata().getUid()));
            if (accepted.isEmpty() && (!forBlocked || blocked.isEmpty())) {
                return true;
            }
            Instant now = time.now();
            if (!now.isBefore(deadline)) {
                return false;
            }
            for (Pod p : List.copyOf(blocked.values())) {
                if (!retryAt.get(EvictionPlan.key(p)).isAfter(now)) {
                    request(p, accepted, blocked, retryAt, log);
                }
            }
            Duration left = Duration.between(time.now(), deadline);
            time.sleep(left.compareTo(GONE_POLL) < 0 ? left : GONE_POLL);
        }
    }

    private Set<String> presentUids() {
        try {
            return pods(client, node).stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
        } catch (KubernetesClientException e) {
            return Set.of(); // the API server is going away too: nothing more to wait for
        }
    }

    private static String names(List<Pod> pods) {
        return String.join(", ", pods.stream().map(EvictionPlan::key).toList());
    }
}
