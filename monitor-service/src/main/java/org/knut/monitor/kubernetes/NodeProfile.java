package org.knut.monitor.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.config.Thresholds;
import org.knut.monitor.config.UpsmonConfCopy;

import io.fabric8.kubernetes.api.model.Node;

/**
 * What a node says about its power: the UPS that feeds it (label, else annotation {@code knut.io/ups}, else
 * the default) and its staged-shutdown thresholds (annotations {@code knut.io/threshold-charge},
 * {@code -runtime}, {@code -on-battery}, each overriding {@code knut.monitor.threshold.*}), so node
 * groups leave at different times from one DaemonSet configuration.
 */
public record NodeProfile(String node, String ups, Thresholds thresholds) {
    public static final String THRESHOLD = "knut.io/threshold-";

    public static NodeProfile of(Node node, KubernetesSettings k, Thresholds base) throws ConfigException {
        String name = node.getMetadata().getName();
        Map<String, String> labels = orEmpty(node.getMetadata().getLabels());
        Map<String, String> annotations = orEmpty(node.getMetadata().getAnnotations());
        String ups = Optional.ofNullable(labels.get(k.upsKey())).or(() -> Optional.ofNullable(annotations.get(k.upsKey())))
                .filter(s -> !s.isBlank()).or(k::defaultUps)
                .orElseThrow(() -> new ConfigException("node " + name, 0, "has no label or annotation " + k.upsKey()
                        + " naming its UPS, and knut.monitor.kubernetes.default-ups is not set"));
        Thresholds t = new Thresholds(threshold(name, annotations, "charge", 100, base.chargeBelow()),
                threshold(name, annotations, "runtime", Integer.MAX_VALUE, base.runtimeBelow()),
                threshold(name, annotations, "on-battery", Integer.MAX_VALUE, base.onBatteryLongerThan()));
        return new NodeProfile(name, ups.trim(), t);
    }

    private static Integer threshold(String node, Map<String, String> annotations, String which, int max, Integer base)
            throws ConfigException {
        String v = annotations.get(THRESHOLD + which);
        if (v == null) {
            return base;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("node " + node, 0, "annotation " + THRESHOLD + which + " '" + v + "' is not a number in 0.." + max);
    }

    private static Map<String, String> orEmpty(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }

    /** Whether a MONITOR line watches this node's UPS: its UPS name, or the whole {@code ups@host[:port]}. */
    public boolean feeds(Monitor m) {
        return m.ups().ups().equals(ups) || m.system().equals(ups);
    }

    /** The settings for this node: only the MONITOR lines of its UPS, and its thresholds. */
    public MonitorSettings apply(MonitorSettings s) throws ConfigException {
        UpsmonConf c = s.conf();
        List<Monitor> mine = c.monitors().stream().filter(this::feeds).toList();
        if (mine.isEmpty()) {
            throw new ConfigException("node " + node, 0, "is fed by UPS '" + ups + "', which no MONITOR line watches");
        }
        int power = mine.stream().mapToInt(Monitor::powerValue).sum();
        if (power < c.minSupplies()) {
            throw new ConfigException("node " + node, 0, "MINSUPPLIES " + c.minSupplies() + " is more than the power value "
                    + power + " of the MONITOR lines for UPS '" + ups + "'");
        }
        return new MonitorSettings(UpsmonConfCopy.with(c, mine, c.shutdownExit()), s.dryRun(), s.timers(), thresholds);
    }
}
