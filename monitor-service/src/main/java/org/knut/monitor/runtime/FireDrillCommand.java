package org.knut.monitor.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.knut.core.client.NutClient;
import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.core.protocol.NutException;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.drill.BatteryModel;
import org.knut.monitor.drill.DrillNode;
import org.knut.monitor.drill.FireDrill;
import org.knut.monitor.drill.NodeOutcome;
import org.knut.monitor.drill.Report;
import org.knut.monitor.kubernetes.EvictionPlan;
import org.knut.monitor.kubernetes.KubernetesSettings;
import org.knut.monitor.kubernetes.NodeDrain;
import org.knut.monitor.kubernetes.NodeProfile;
import org.knut.monitor.kubernetes.PrimaryLease;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * {@code fire-drill}: reads the battery of every configured UPS from its upsd, finds the machines it feeds
 * (this host; in Kubernetes mode every node whose label or annotation names it, with its thresholds, its
 * pods and the current Lease holder as primary) and runs {@link FireDrill} on them. Reads only.
 */
public final class FireDrillCommand {
    private final MonitorSettings base;
    private final Duration hostShutdown;
    private final Integer runtimeOverride;
    private final Map<String, BatteryModel> batteries = new HashMap<>();
    private final Map<String, Integer> logins = new HashMap<>();

    public FireDrillCommand(MonitorSettings base, Duration hostShutdown, Integer runtimeOverride) {
        this.base = base;
        this.hostShutdown = hostShutdown;
        this.runtimeOverride = runtimeOverride;
    }

    /** The drill for this host alone, with its MONITOR lines. */
    public Report bareHost() throws IOException, InterruptedException {
        readBatteries(base.conf().monitors());
        boolean primary = base.conf().monitors().stream().anyMatch(Monitor::primary);
        DrillNode me = new DrillNode(hostname(), base, primary, 0, "", hostShutdown.toSeconds());
        Monitor first = base.conf().monitors().stream().filter(m -> m.powerValue() > 0).findFirst()
                .orElseThrow(() -> new IOException("no MONITOR line with a power value: nothing is fed, nothing to drill"));
        Report report = new Report();
        section(report, first, List.of(me), List.of());
        return report;
    }

    /** The drill for every node the configured UPSes feed. */
    public Report cluster(KubernetesClient client, KubernetesSettings k) throws IOException, InterruptedException {
        readBatteries(base.conf().monitors());
        Report report = new Report();
        List<Node> nodes = new ArrayList<>(client.nodes().list().getItems());
        nodes.sort(Comparator.comparing(n -> n.getMetadata().getName()));
        Map<String, Map<String, MonitorSettings>> byUps = new LinkedHashMap<>();
        for (Node node : nodes) {
            String name = node.getMetadata().getName();
            try {
                NodeProfile p = NodeProfile.of(node, k, base.thresholds());
                MonitorSettings mine = p.apply(base);
                byUps.computeIfAbsent(p.ups(), u -> new LinkedHashMap<>()).put(name, mine);
            } catch (ConfigException e) {
                report.note("node " + name + " left out: " + e.getMessage());
            }
        }
        String namespace = KubernetesAssembly.namespace(client, k);
        for (Map.Entry<String, Map<String, MonitorSettings>> g : byUps.entrySet()) {
            List<String> notes = new ArrayList<>();
            String primary = primaryOf(client, namespace, g.getKey(), g.getValue(), notes);
            List<DrillNode> drillNodes = new ArrayList<>();
            for (Map.Entry<String, MonitorSettings> e : g.getValue().entrySet()) {
                EvictionPlan plan = EvictionPlan.of(NodeDrain.pods(client, e.getKey()));
                long worst = plan.worstCaseSeconds();
                String note = plan.size() + " pod(s) to evict in " + plan.groups().size() + " priority group(s): up to " + worst
                        + " s if each uses its whole grace period, eviction budget " + k.evictionBudget().toSeconds() + " s";
                drillNodes.add(new DrillNode(e.getKey(), e.getValue(), e.getKey().equals(primary),
                        Math.min(worst, k.evictionBudget().toSeconds()), note, hostShutdown.toSeconds()));
            }
            section(report, drillNodes.get(0).settings().conf().monitors().get(0), drillNodes, notes);
        }
        return report;
    }

    /** The node holding the UPS's Lease; when none does, the first candidate, as the drill assumes. */
    private static String primaryOf(KubernetesClient client, String namespace, String ups, Map<String, MonitorSettings> nodes,
            List<String> notes) {
        List<String> candidates = nodes.entrySet().stream()
                .filter(e -> e.getValue().conf().monitors().stream().anyMatch(Monitor::primary)).map(Map.Entry::getKey).toList();
        if (candidates.isEmpty()) {
            notes.add("no MONITOR line for " + ups + " is a primary candidate: nobody sets FSD");
            return null;
        }
        String lease = PrimaryLease.leaseName(ups);
        Lease l = client.leases().inNamespace(namespace).withName(lease).get();
        String holder = l == null || l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
        if (holder != null && candidates.contains(holder)) {
            notes.add(holder + " holds Lease " + namespace + "/" + lease + ": primary");
            return holder;
        }
        notes.add("no candidate holds Lease " + namespace + "/" + lease + " now: " + candidates.get(0) + " taken as primary");
        return candidates.get(0);
    }

    private void section(Report report, Monitor m, List<DrillNode> nodes, List<String> notes) throws InterruptedException {
        int others = Math.max(0, logins.get(m.system()) - nodes.size());
        FireDrill drill = new FireDrill(mon -> batteries.get(mon.system()), others);
        List<String> allNotes = new ArrayList<>(notes);
        List<NodeOutcome> outcomes = drill.run(nodes, allNotes);
        report.add(new Report.Section(m.system(), batteries.get(m.system()), others, outcomes, allNotes));
    }

    private void readBatteries(List<Monitor> monitors) throws IOException {
        for (Monitor m : monitors) {
            if (batteries.containsKey(m.system())) {
                continue;
            }
            try (NutClient c = NutClient.connect(m.ups().host(), m.ups().port(), MonitorAssembly.NETWORK_TIMEOUT)) {
                String ups = m.ups().ups();
                Double runtime = runtimeOverride != null ? Double.valueOf(runtimeOverride) : number(c, ups, "battery.runtime");
                if (runtime == null || runtime <= 0) {
                    throw new IOException("UPS " + m.system() + " reports no battery.runtime: give the drill --runtime SECONDS");
                }
                Double charge = number(c, ups, "battery.charge");
                batteries.put(m.system(), new BatteryModel(charge == null ? 100 : charge, runtime, number(c, ups, "battery.charge.low"),
                        number(c, ups, "battery.runtime.low")));
                logins.put(m.system(), c.numLogins(ups));
            } catch (NutException e) {
                throw new IOException("UPS " + m.system() + ": " + e.getMessage(), e);
            }
        }
    }

    private static Double number(NutClient c, String ups, String var) throws IOException {
        try {
            return Double.valueOf(c.get(ups, var).trim());
        } catch (NutException | NumberFormatException e) {
            return null;
        }
    }

    private static String hostname() {
        return Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "this host";
            }
        });
    }
}
