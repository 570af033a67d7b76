package org.knut.monitor.shutdown;

/**
 * The host cannot be taken down: the shutdown command is missing, could not start, failed or hung. The
 * monitor then sends NOPARENT, upsmon's "shutdown impossible" (there, its privileged parent that runs
 * SHUTDOWNCMD is gone; here, running the command itself failed).
 */
public final class ShutdownImpossible extends Exception {
    public ShutdownImpossible(String why) {
        super(why);
    }
}
