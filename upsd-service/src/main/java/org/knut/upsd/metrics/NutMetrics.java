package org.knut.upsd.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.knut.core.model.Variable;
import org.knut.upsd.config.Descriptions;
import org.knut.upsd.state.ServedUps;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;

/**
 * The UPS metrics under nut_exporter's names, so that its Grafana dashboards work unchanged: every
 * numeric variable as {@code network_ups_tools_<name with . and - as _>}, {@code ups.status} as
 * {@code network_ups_tools_ups_status{flag="OL"}} (1 for each flag present, 0 for each of the usual
 * flags absent), and {@code network_ups_tools_device_info} with the device.* values as labels. Values
 * are read at scrape time from what the drivers published; a UPS whose data may not be served (no
 * driver, stale) contributes nothing, as nut_exporter's failed scrape would.
 */
public final class NutMetrics {
    public static final String PREFIX = "network_ups_tools_";
    /** nut_exporter's default {@code --nut.statuses}: always reported, 0 when absent. */
    public static final List<String> DEFAULT_STATUSES = List.of("OL", "OB", "LB", "HB", "RB", "CHRG", "DISCHRG",
            "BYPASS", "CAL", "OFF", "OVER", "TRIM", "BOOST", "FSD", "SD");
    private static final List<String> DEVICE_LABELS = List.of("model", "mfr", "serial", "type", "description",
            "contact", "location", "part", "macaddr");
    private static final Pattern ON = Pattern.compile("^(enable|enabled|on|true|active|activated)$");
    private static final Pattern OFF = Pattern.compile("^(disable|disabled|off|false|inactive|deactivated)$");
    private static final Pattern NOT_IN_NAME = Pattern.compile("[^a-zA-Z0-9_:]");

    /**
     * What to render.
     *
     * @param upsLabel  add {@code ups="<name>"} to every sample (several UPSes in one scrape)
     * @param variables only these variables; null for every numeric one
     * @param statuses  the flags reported as 0 when absent
     */
    public record Options(boolean upsLabel, Set<String> variables, List<String> statuses) {
        public static final Options ALL_UPSES = new Options(true, null, DEFAULT_STATUSES);
    }

    private final Descriptions descriptions;

    public NutMetrics(Descriptions descriptions) {
        this.descriptions = descriptions;
    }

    /** The metric families for {@code upses}, one family per name with a sample per UPS. */
    public List<MetricFamilySamples> collect(List<ServedUps> upses, Options options) {
        Map<String, Family> families = new LinkedHashMap<>();
        for (ServedUps u : upses) {
            if (u.ready()) {
                collect(u, options, families);
            }
        }
        List<MetricFamilySamples> out = new ArrayList<>(families.size());
        for (Family f : families.values()) {
            out.add(new MetricFamilySamples(f.name, Type.GAUGE, f.help, f.samples));
        }
        return out;
    }

    private void collect(ServedUps u, Options o, Map<String, Family> families) {
        Map<String, String> device = new LinkedHashMap<>();
        for (Variable v : u.state().variables()) {
            String name = v.name();
            String value = u.servedValue(v);
            if (name.startsWith("device.")) {
                device.put(name.substring("device.".length()), value);
            }
            if (o.variables() != null && !o.variables().contains(name)) {
                continue;
            }
            if (name.equals("ups.status")) {
                status(u, value, o, families);
                continue;
            }
            Double number = number(value);
            if (number != null) {
                String metric = PREFIX + NOT_IN_NAME.matcher(name.replace('.', '_').replace('-', '_')).replaceAll("_");
                family(families, metric, descriptions.variable(name) + " (" + name + ")")
                        .add(o, u, List.of(), List.of(), number);
            }
        }
        List<String> values = new ArrayList<>();
        for (String label : DEVICE_LABELS) {
            values.add(device.getOrDefault(label, ""));
        }
        family(families, PREFIX + "device_info", "UPS Device information").add(o, u, DEVICE_LABELS, values, 1);
    }

    private void status(ServedUps u, String status, Options o, Map<String, Family> families) {
        Family f = family(families, PREFIX + "ups_status", descriptions.variable("ups.status") + " (ups.status)");
        Set<String> present = new LinkedHashSet<>(List.of(status.trim().split("\\s+")));
        present.remove("");
        for (String flag : present) {
            f.add(o, u, List.of("flag"), List.of(flag), 1);
        }
        for (String flag : o.statuses()) {
            if (!present.contains(flag)) {
                f.add(o, u, List.of("flag"), List.of(flag), 0);
            }
        }
    }

    /** A number, or a word nut_exporter reads as a boolean; null when the value is neither. */
    static Double number(String value) {
        String v = value.trim();
        if (!v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '-' || v.charAt(0) == '+' || v.charAt(0) == '.')) {
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                // not a number: maybe a boolean word
            }
        }
        if (ON.matcher(v).matches()) {
            return 1.0;
        }
        return OFF.matcher(v).matches() ? 0.0 : null;
    }

    private static Family family(Map<String, Family> families, String name, String help) {
        return families.computeIfAbsent(name, n -> new Family(n, help));
    }

    private static final class Family {
        final String name;
        final String help;
        final List<Sample> samples = new ArrayList<>();

        Family(String name, String help) {
            this.name = name;
            this.help = help;
        }

        void add(Options o, ServedUps u, List<String> labels, List<String> values, double value) {
            List<String> names = new ArrayList<>(labels);
            List<String> vals = new ArrayList<>(values);
            if (o.upsLabel()) {
                names.add(0, "ups");
                vals.add(0, u.name());
            }
            samples.add(new Sample(name, names, vals, value));
        }
    }
}
