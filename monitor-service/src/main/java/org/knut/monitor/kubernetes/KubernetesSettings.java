package org.knut.monitor.kubernetes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.knut.core.config.ConfigException;
import org.knut.monitor.config.MonitorConfig;

/** Kubernetes mode's settings, checked; see {@link MonitorConfig.Kubernetes} for each. */
public record KubernetesSettings(String nodeName, Optional<String> namespace, String upsKey, Optional<String> defaultUps,
        Duration evictionBudget, Duration evictionRetry, String powerOffCommand, LeaseTimings lease) {

    /** The Lease's timings, as client-go's leader election names them. */
    public record LeaseTimings(Duration duration, Duration renewDeadline, Duration retryPeriod) {
    }

    private static final String PREFIX = "knut.monitor.kubernetes.";

    /** Empty when Kubernetes mode is off. */
    public static Optional<KubernetesSettings> of(MonitorConfig.Kubernetes k, Map<String, String> env) throws ConfigException {
        if (!k.enabled()) {
            return Optional.empty();
        }
        String node = k.nodeName().or(() -> Optional.ofNullable(env.get("NODE_NAME"))).filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(PREFIX + "node-name", 0,
                        "is not set and neither is NODE_NAME (give the pod env NODE_NAME from fieldRef spec.nodeName)"));
        Optional<String> ns = k.namespace().or(() -> Optional.ofNullable(env.get("POD_NAMESPACE"))).filter(s -> !s.isBlank());
        positive("eviction-budget", k.evictionBudget(), true);
        positive("eviction-retry", k.evictionRetry(), false);
        positive("lease-duration", k.leaseDuration(), false);
        positive("lease-renew-deadline", k.leaseRenewDeadline(), false);
        positive("lease-retry-period", k.leaseRetryPeriod(), false);
        if (k.leaseRenewDeadline().compareTo(k.leaseDuration()) >= 0 || k.leaseRetryPeriod().compareTo(k.leaseRenewDeadline()) >= 0) {
            throw new ConfigException(PREFIX + "lease-renew-deadline", 0,
                    "the Lease timings must be retry-period < renew-deadline < duration");
        }
        if (k.poweroffCommand().isBlank()) {
            throw new ConfigException(PREFIX + "poweroff-command", 0, "is empty");
        }
        return Optional.of(new KubernetesSettings(node, ns, k.upsKey(), k.defaultUps().filter(s -> !s.isBlank()),
                k.evictionBudget(), k.evictionRetry(), k.poweroffCommand(),
                new LeaseTimings(k.leaseDuration(), k.leaseRenewDeadline(), k.leaseRetryPeriod())));
    }

    private static void positive(String key, Duration d, boolean zeroAllowed) throws ConfigException {
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new ConfigException(PREFIX + key, 0, "must be " + (zeroAllowed ? "zero or more" : "more than zero"));
        }
    }
}
