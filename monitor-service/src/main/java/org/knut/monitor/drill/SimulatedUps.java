package org.knut.monitor.drill;

import java.util.Locale;
import java.util.function.DoubleToIntFunction;

import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;
import org.knut.monitor.engine.UpsLink;
import org.knut.monitor.engine.VirtualClock;

/**
 * A UPS on battery since the cut, as upsd would serve it: OB DISCHRG, LB once {@link BatteryModel} says
 * so, FSD from {@code fsdAt} seconds (the primary's FSD; negative: never), and NUMLOGINS as the drill
 * works it out.
 */
final class SimulatedUps implements UpsLink {
    private final BatteryModel battery;
    private final VirtualClock clock;
    private final double fsdAt;
    private final DoubleToIntFunction numLogins;
    private boolean open;

    SimulatedUps(BatteryModel battery, VirtualClock clock, double fsdAt, DoubleToIntFunction numLogins) {
        this.battery = battery;
        this.clock = clock;
        this.fsdAt = fsdAt;
        this.numLogins = numLogins;
    }

    @Override
    public void open(boolean asPrimary) {
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String get(String var) throws NutException {
        double t = clock.elapsed();
        return switch (var) {
            case "ups.status" -> (fsdAt >= 0 && t >= fsdAt ? "FSD " : "") + "OB DISCHRG" + (battery.lowAt(t) ? " LB" : "");
            case "battery.charge" -> String.format(Locale.ROOT, "%.1f", battery.chargeAt(t));
            case "battery.runtime" -> Long.toString(Math.round(battery.runtimeAt(t)));
            default -> throw new NutException(NutError.VAR_NOT_SUPPORTED);
        };
    }

    @Override
    public int numLogins() {
        return numLogins.applyAsInt(clock.elapsed());
    }

    @Override
    public void fsd() {
        // the drill takes the primary's FSD from the moment its shutdown began
    }

    @Override
    public void close() {
        open = false;
    }
}
