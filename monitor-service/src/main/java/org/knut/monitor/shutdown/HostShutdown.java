package org.knut.monitor.shutdown;

/**
 * The last step of a power-fail shutdown: take this machine down. On a bare host that is SHUTDOWNCMD;
 * in Kubernetes it will drain the node and power it off through the host's init system.
 */
public interface HostShutdown {
    /** What {@link #shutDown} does, for the shutdown log and for what a dry run would have done. */
    String describe();

    /** Starts taking the machine down and returns once that is handed over. */
    void shutDown() throws InterruptedException;
}
