package org.knut.monitor.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fire drill's printed report: per UPS the battery at the cut, then every node in the order it is
 * down: role, when and why its shutdown begins, its last step, its drain and power-off times, when it is
 * down and its margin before the battery is empty; a verdict at the end.
 */
public final class Report {
    /** One UPS and what its nodes do. */
    public record Section(String ups, BatteryModel battery, int otherLogins, List<NodeOutcome> outcomes, List<String> notes) {
    }

    private final List<Section> sections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void add(Section s) {
        sections.add(s);
    }

    public void note(String n) {
        notes.add(n);
    }

    /** Whether every node of every UPS is down before its battery is empty. */
    public boolean safe() {
        return !sections.isEmpty() && sections.stream().allMatch(s -> s.outcomes().stream()
                .allMatch(o -> o.downAt() != null && o.downAt() <= s.battery().runtime()));
    }

    public String render() {
        StringBuilder b = new StringBuilder("knut fire drill: a simulated power cut; nothing is changed, nobody is shut down\n");
        notes.forEach(n -> b.append("note: ").append(n).append('\n'));
        for (Section s : sections) {
            BatteryModel m = s.battery();
            b.append('\n').append("UPS ").append(s.ups()).append(": at the cut battery.charge ").append(num(m.charge()))
                    .append(" %, battery.runtime ").append(num(m.runtime())).append(" s, drained linearly; ")
                    .append(m.lowBatteryRule()).append('\n');
            if (s.otherLogins() > 0) {
                b.append("  ").append(s.otherLogins())
                        .append(" other upsd session(s) (e.g. a NUT upsmon outside the cluster) are waited for until HOSTSYNC runs out\n");
            }
            s.notes().forEach(n -> b.append("  note: ").append(n).append('\n'));
            b.append(String.format(Locale.ROOT, "  %-5s %-20s %-9s %12s %12s %7s %9s %12s %10s  %s%n", "order", "node", "role",
                    "begins", "last step", "drain", "power-off", "down at", "margin", "why"));
            int i = 1;
            for (NodeOutcome o : s.outcomes()) {
                DrillNode n = o.node();
                b.append(String.format(Locale.ROOT, "  %-5d %-20s %-9s %12s %12s %6ds %8ds %12s %10s  %s%n", i++, n.name(),
                        n.primary() ? "primary" : "secondary", at(o.decidedAt()), at(o.lastStepAt()), n.drainSeconds(),
                        n.powerOffSeconds(), at(o.downAt()), margin(o, m), o.why() == null ? "no shutdown decided" : o.why()));
                if (n.drainNote() != null && !n.drainNote().isEmpty()) {
                    b.append("        ").append(n.name()).append(": ").append(n.drainNote()).append('\n');
                }
            }
        }
        b.append('\n').append(verdict()).append('\n');
        return b.toString();
    }

    private String verdict() {
        if (sections.isEmpty()) {
            return "verdict: nothing to simulate";
        }
        if (safe()) {
            double last = 0;
            double slack = Double.MAX_VALUE;
            int count = 0;
            for (Section s : sections) {
                for (NodeOutcome o : s.outcomes()) {
                    count++;
                    last = Math.max(last, o.downAt());
                    slack = Math.min(slack, s.battery().runtime() - o.downAt());
                }
            }
            return "verdict: SAFE: all " + count + " node(s) are down by +" + num(last) + " s, the closest " + num(slack)
                    + " s before its battery runs out";
        }
        List<String> late = new ArrayList<>();
        for (Section s : sections) {
            for (NodeOutcome o : s.outcomes()) {
                if (o.downAt() == null) {
                    late.add(o.node().name() + " (never shuts down)");
                } else if (o.downAt() > s.battery().runtime()) {
                    late.add(o.node().name() + " (down at +" + num(o.downAt()) + " s, battery empty at +" + num(s.battery().runtime()) + " s)");
                }
            }
        }
        return "verdict: NOT SAFE: " + String.join(", ", late);
    }

    private static String at(Double t) {
        return t == null ? "-" : "+" + num(t) + " s";
    }

    private static String margin(NodeOutcome o, BatteryModel m) {
        return o.downAt() == null ? "-" : num(m.runtime() - o.downAt()) + " s";
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
