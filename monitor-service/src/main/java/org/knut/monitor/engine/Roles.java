package org.knut.monitor.engine;

import org.knut.core.config.UpsmonConf.Monitor;

/**
 * Whether this monitor acts as the primary for a MONITOR line right now: fixed by upsmon.conf on a bare
 * host; in Kubernetes held by one monitor at a time through a Lease, so the role can change while the
 * monitor runs (the session is then logged in again with the new role).
 */
@FunctionalInterface
public interface Roles {
    boolean primary(Monitor m);

    /**
     * Gives the primary roles up for good, so another monitor takes them (this host is leaving). Returns
     * what was done for the shutdown log; null where the roles are fixed, as upsmon.conf's are.
     */
    default String resign() {
        return null;
    }

    /** The roles as upsmon.conf's MONITOR lines give them. */
    Roles CONFIGURED = Monitor::primary;
}
