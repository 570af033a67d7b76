package org.knut.monitor.shutdown;

/**
 * The last step of a power-fail shutdown: take this machine down. On a bare host that is SHUTDOWNCMD;
 * in Kubernetes it drains the node and powers it off through the host's init system.
 */
public interface HostShutdown {
    /** What {@link #shutDown} does, in one line. */
    String describe();

    /** The shutdown has begun (before FSD and the wait for secondaries), in a dry run too: announce it. */
    default void begin(String why, StepLog log) {
    }

    /** Starts taking the machine down, logging each step, and returns once that is handed over. */
    void shutDown(StepLog log) throws InterruptedException, ShutdownImpossible;

    /** A dry run's last step: logs what {@link #shutDown} would do, in order, without doing it. */
    default void rehearse(StepLog log) {
        log.step("would " + describe());
    }
}
