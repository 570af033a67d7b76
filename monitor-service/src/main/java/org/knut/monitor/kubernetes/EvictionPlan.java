package org.knut.monitor.kubernetes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Which pods of a node are evicted, in which order: lowest priority (the PriorityClass value the API
 * server wrote into spec.priority) first, by namespace and name within a priority. DaemonSet pods would
 * be recreated on the node at once and mirror pods belong to the kubelet, so both are left to the
 * kubelet's graceful node shutdown, as {@code kubectl drain} leaves them; finished pods hold nothing.
 */
public record EvictionPlan(Map<Integer, List<Pod>> groups, List<String> skipped) {
    static final String MIRROR = "kubernetes.io/config.mirror";
    /** The kubelet's default terminationGracePeriodSeconds. */
    static final long DEFAULT_GRACE_SECONDS = 30;

    public static EvictionPlan of(List<Pod> pods) {
        Map<Integer, List<Pod>> groups = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparing(EvictionPlan::key));
        for (Pod p : sorted) {
            String why = skipReason(p);
            if (why != null) {
                skipped.add(key(p) + " (" + why + ")");
            } else {
                groups.computeIfAbsent(priority(p), x -> new ArrayList<>()).add(p);
            }
        }
        return new EvictionPlan(groups, skipped);
    }

    private static String skipReason(Pod p) {
        List<OwnerReference> owners = p.getMetadata().getOwnerReferences();
        if (owners != null && owners.stream().anyMatch(o -> "DaemonSet".equals(o.getKind()))) {
            return "DaemonSet";
        }
        Map<String, String> annotations = p.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey(MIRROR)) {
            return "mirror pod";
        }
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return phase.toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    static int priority(Pod p) {
        Integer prio = p.getSpec() == null ? null : p.getSpec().getPriority();
        return prio == null ? 0 : prio;
    }

    static String key(Pod p) {
        return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    }

    public int size() {
        return groups.values().stream().mapToInt(List::size).sum();
    }

    /**
     * How long the evictions would take if every pod used its whole termination grace period: the groups
     * go one after the other, the pods of a group together.
     */
    public long worstCaseSeconds() {
        long total = 0;
        for (List<Pod> g : groups.values()) {
            total += g.stream().mapToLong(EvictionPlan::graceSeconds).max().orElse(0);
        }
        return total;
    }

    private static long graceSeconds(Pod p) {
        Long grace = p.getSpec() == null ? null : p.getSpec().getTerminationGracePeriodSeconds();
        return grace == null ? DEFAULT_GRACE_SECONDS : grace;
    }

    /** One line per priority: {@code priority 0: ns/a, ns/b}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        groups.forEach((prio, pods) -> lines.add("priority " + prio + ": " + String.join(", ", pods.stream().map(EvictionPlan::key).toList())));
        return lines;
    }
}
