package org.knut.monitor.drill;

import java.util.List;

/**
 * What one node does in the drill, in seconds after the power cut: when its shutdown begins and why,
 * when its last step (drain, power-off) starts, when its monitor logs out of upsd, when the host is
 * down. {@code decidedAt} null: it would still be running when the simulation ended. {@code alone}: it left
 * on its own threshold, without FSD.
 */
public record NodeOutcome(DrillNode node, Double decidedAt, String why, Double lastStepAt, List<String> steps, boolean alone) {
    public Double logoutAt() {
        return lastStepAt == null ? null : lastStepAt + node.drainSeconds();
    }

    public Double downAt() {
        return lastStepAt == null ? null : logoutAt() + node.powerOffSeconds();
    }
}
