package org.knut.monitor.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleToIntFunction;
import java.util.function.Function;

import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.config.UpsmonConfCopy;
import org.knut.monitor.engine.Upsmon;
import org.knut.monitor.engine.VirtualClock;
import org.knut.monitor.notify.Notifier;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.process.ExternalCommand;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.PowerdownFlag;
import org.knut.monitor.shutdown.StepLog;

/**
 * A power cut in virtual time, decided by the monitor's own engine: every node's {@link Upsmon} runs on
 * a {@link SimulatedUps} draining as its {@link BatteryModel} says, with nothing acted on. Every node runs
 * alone first to learn when it would leave; the primary runs to learn when it sets FSD (or, leaving on
 * its own threshold, hands the role on); the secondaries then run seeing that FSD; the primary runs again
 * with NUMLOGINS counting the secondaries until they log out, plus the other sessions upsd has now
 * (taken to stay until HOSTSYNC runs out, the worst case).
 */
public final class FireDrill {
    /** How long after the battery is empty the simulation goes on looking for a decision. */
    static final double AFTER_EMPTY = 60;

    private static final CommandRunner NO_COMMANDS = new CommandRunner() {
        @Override
        public void launch(ExternalCommand cmd) {
            // a drill runs no NOTIFYCMD or timer command
        }

        @Override
        public int run(ExternalCommand cmd, java.time.Duration limit) {
            return 0;
        }
    };

    private final Function<Monitor, BatteryModel> batteries;
    private final int otherLogins;

    /** {@code otherLogins}: upsd sessions that are not the drill's nodes (a real upsmon outside the cluster...). */
    public FireDrill(Function<Monitor, BatteryModel> batteries, int otherLogins) {
        this.batteries = batteries;
        this.otherLogins = otherLogins;
    }

    /**
     * The nodes of one UPS (at most one of them the Lease holder, {@link DrillNode#primary}), ordered by when
     * they are down. A holder that leaves on its own threshold hands the role on; the drill gives it to the
     * primary candidate that would stay longest on its own (in a cluster any candidate still up may take
     * it, and hands it on in turn), and notes each hand-over in {@code notes}.
     */
    public List<NodeOutcome> run(List<DrillNode> nodes, List<String> notes) throws InterruptedException {
        Map<DrillNode, NodeOutcome> alone = new HashMap<>();
        for (DrillNode n : nodes) {
            alone.put(n, simulate(n, false, -1, t -> 1));
        }
        List<DrillNode> handedOn = new ArrayList<>();
        DrillNode primary = nodes.stream().filter(DrillNode::primary).findFirst().orElse(null);
        NodeOutcome first = null;
        while (primary != null) {
            first = simulate(primary, true, -1, t -> 1);
            if (!first.alone()) {
                break;
            }
            handedOn.add(primary);
            double left = first.decidedAt();
            DrillNode next = nodes.stream().filter(n -> !handedOn.contains(n) && candidate(n) && staysPast(alone.get(n), left))
                    .max(Comparator.comparingDouble(n -> staysUntil(alone.get(n)))).orElse(null);
            notes.add(primary.name() + " leaves on its own threshold at +" + Report.num(left) + " s without FSD and hands the primary role on"
                    + (next == null ? ": no candidate is left, nobody sets FSD" : " to " + next.name() + " (the candidate that stays longest)"));
            primary = next;
            first = null;
        }
        double fsdAt = first == null || first.decidedAt() == null ? -1 : first.decidedAt();
        List<NodeOutcome> out = new ArrayList<>();
        for (DrillNode n : nodes) {
            if (n != primary) {
                // a node that handed the role on is listed as the primary it was when it left
                out.add(simulate(n.withPrimary(handedOn.contains(n)), false, fsdAt, t -> 1));
            }
        }
        if (primary != null) {
            List<NodeOutcome> secondaries = List.copyOf(out);
            NodeOutcome last = simulate(primary, true, fsdAt, t -> 1 + otherLogins
                    + (int) secondaries.stream().filter(s -> s.logoutAt() == null || s.logoutAt() > t).count());
            // why it began is the first run's: the second sees its own FSD from the start
            out.add(new NodeOutcome(primary.withPrimary(true), first.decidedAt(), first.why(), last.lastStepAt(), last.steps(), false));
        }
        out.sort(Comparator.comparing((NodeOutcome o) -> o.downAt() == null ? Double.MAX_VALUE : o.downAt())
                .thenComparing(o -> o.node().name()));
        return out;
    }

    private static boolean candidate(DrillNode n) {
        return n.settings().conf().monitors().stream().anyMatch(Monitor::primary);
    }

    private static boolean staysPast(NodeOutcome alone, double t) {
        return staysUntil(alone) > t;
    }

    private static double staysUntil(NodeOutcome alone) {
        return alone.decidedAt() == null ? Double.MAX_VALUE : alone.decidedAt();
    }

    /** The seconds after the cut when the battery feeding {@code n} is empty (its first UPS to run out). */
    public double emptyAt(DrillNode n) {
        return n.settings().conf().monitors().stream().filter(m -> m.powerValue() > 0)
                .mapToDouble(m -> batteries.apply(m).runtime()).min().orElse(0);
    }

    private NodeOutcome simulate(DrillNode n, boolean asPrimary, double fsdAt, DoubleToIntFunction logins) throws InterruptedException {
        VirtualClock clock = new VirtualClock();
        Recording host = new Recording(clock);
        MonitorSettings s = n.settings();
        UpsmonConf conf = UpsmonConfCopy.with(s.conf(), s.conf().monitors(), UpsmonConf.SHUTDOWNEXIT_YES);
        Upsmon engine = new Upsmon(new MonitorSettings(conf, false, List.of(), s.thresholds()),
                m -> new SimulatedUps(batteries.apply(m), clock, fsdAt, logins), m -> asPrimary && m.primary(),
                new Notifier(conf.notifications(), Map.of()), host, new PowerdownFlag(null), NO_COMMANDS, clock);
        double horizon = emptyAt(n) + conf.timings().hostSync() + conf.timings().finalDelay() + AFTER_EMPTY;
        while (engine.state() != Upsmon.State.FINISHED && clock.elapsed() < horizon) {
            engine.cycle();
            if (engine.state() != Upsmon.State.FINISHED) {
                engine.waitForNextPoll();
            }
        }
        return new NodeOutcome(n, host.decidedAt, host.why, host.lastStepAt, engine.lastShutdown(),
                host.decidedAt != null && engine.lastShutdownAlone());
    }

    /** The drill's last step: notes when the shutdown began and when the host's step would run. */
    private static final class Recording implements HostShutdown {
        private final VirtualClock clock;
        Double decidedAt;
        String why;
        Double lastStepAt;

        Recording(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        public String describe() {
            return "drain and power off (simulated)";
        }

        @Override
        public void begin(String why, StepLog log) {
            this.decidedAt = clock.elapsed();
            this.why = why;
        }

        @Override
        public void shutDown(StepLog log) {
            lastStepAt = clock.elapsed();
        }
    }
}
