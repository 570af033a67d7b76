package org.knut.monitor.kubernetes;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.monitor.engine.Roles;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

/**
 * The primary role of each UPS held by exactly one monitor in the cluster through a
 * coordination.k8s.io Lease ({@code knut-ups-<ups>}, holder = the node): the holder renews it, the
 * others retry, and when the holder stops renewing (its node lost power, its pod died) another takes
 * it over once the Lease has expired. A MONITOR line written {@code primary} is the monitor's candidacy:
 * it acts as primary only while it holds the Lease, as secondary otherwise; {@code secondary} lines
 * never compete.
 */
public final class PrimaryLease implements Roles, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PrimaryLease.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String identity;
    private final KubernetesSettings.LeaseTimings timings;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final List<CompletableFuture<?>> running = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public PrimaryLease(KubernetesClient client, String namespace, String identity, KubernetesSettings.LeaseTimings timings) {
        // a renewal must fail within the renew deadline, not hang in fabric8's own retries past the Lease's expiry
        this.client = Clients.withoutRetries(client, timings.retryPeriod());
        this.namespace = namespace;
        this.identity = identity;
        this.timings = timings;
    }

    /** The Lease of a UPS: a DNS-1123 name. */
    public static String leaseName(String ups) {
        String n = "knut-ups-" + ups.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        n = n.length() > 253 ? n.substring(0, 253) : n;
        return n.replaceAll("[^a-z0-9]+$", "");
    }

    /** Starts competing for the primary role of these UPSes (upsd names). */
    public void compete(Collection<String> upses) {
        for (String ups : upses) {
            elect(ups);
        }
    }

    private void elect(String ups) {
        if (closed) {
            return;
        }
        String lease = leaseName(ups);
        var config = new LeaderElectionConfigBuilder()
                .withName(lease)
                .withLock(new LeaseLock(namespace, lease, identity))
                .withLeaseDuration(timings.duration())
                .withRenewDeadline(timings.renewDeadline())
                .withRetryPeriod(timings.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            held.add(ups);
                            LOG.warnf("holding Lease %s/%s: this monitor (%s) is now UPS %s's primary", namespace, lease, identity, ups);
                        },
                        () -> {
                            if (held.remove(ups)) {
                                LOG.warnf("lost Lease %s/%s: this monitor is UPS %s's secondary now", namespace, lease, ups);
                            }
                        },
                        leader -> LOG.infof("UPS %s's primary is %s (Lease %s/%s)", ups, leader, namespace, lease)))
                .build();
        CompletableFuture<?> f;
        try {
            f = client.leaderElector().withConfig(config).build().start();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        running.add(f);
        CompletableFuture<?> elector = f;
        // the elector ends when it loses the Lease or cannot reach the API server: compete again, as a secondary
        elector.whenComplete((r, e) -> {
            running.remove(elector);
            held.remove(ups);
            if (e != null && !closed) {
                LOG.debugf("Lease %s/%s: %s", namespace, lease, e.getMessage());
            }
            CompletableFuture.delayedExecutor(timings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS).execute(() -> elect(ups));
        });
    }

    @Override
    public boolean primary(Monitor m) {
        return m.primary() && held.contains(m.ups().ups());
    }

    public boolean holds(String ups) {
        return held.contains(ups);
    }

    /** This host leaves on its own threshold: {@link #close}, so the role moves on to a monitor that stays. */
    @Override
    public String resign() {
        List<String> released = held.stream().sorted().map(u -> namespace + "/" + leaseName(u)).toList();
        close();
        return "stopped competing for the primary role, released Lease(s) " + released + " for a monitor that stays";
    }

    /** Stops competing and releases the Leases held, so another monitor takes over without waiting for expiry. */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<?> f : running) {
            f.cancel(true);
        }
        held.clear();
    }
}
