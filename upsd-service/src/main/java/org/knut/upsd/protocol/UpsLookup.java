package org.knut.upsd.protocol;

import static org.knut.upsd.protocol.Replies.error;

import org.knut.core.model.Variable;
import org.knut.core.protocol.NutError;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.UpsRegistry;

/**
 * Finds the UPS (and variable) a request names, writing upsd's error when it cannot be answered:
 * UNKNOWN-UPS, then DRIVER-NOT-CONNECTED or DATA-STALE, then VAR-NOT-SUPPORTED. Null after an error.
 */
final class UpsLookup {
    private final UpsRegistry registry;

    UpsLookup(UpsRegistry registry) {
        this.registry = registry;
    }

    ServedUps known(String ups, StringBuilder out) {
        ServedUps u = registry.find(ups);
        if (u == null) {
            error(out, NutError.UNKNOWN_UPS);
        }
        return u;
    }

    ServedUps available(String ups, StringBuilder out) {
        ServedUps u = known(ups, out);
        return u != null && Replies.available(u, out) ? u : null;
    }

    /** Variable {@code var} of {@code u}; null, and nothing written, when {@code u} is null already. */
    Variable variable(ServedUps u, String var, StringBuilder out) {
        if (u == null) {
            return null;
        }
        Variable v = u.variable(var);
        if (v == null) {
            error(out, NutError.VAR_NOT_SUPPORTED);
        }
        return v;
    }
}
