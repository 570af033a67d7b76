package org.knut.monitor.engine;

/**
 * A state that starts unknown, so the first sighting at startup is not announced as a change (upsmon's
 * -1 for commstate and linestate: no COMMOK or ONLINE for the first poll).
 */
public enum Tri {
    UNKNOWN, NO, YES
}
