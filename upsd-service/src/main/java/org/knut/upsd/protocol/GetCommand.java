package org.knut.upsd.protocol;

import static org.knut.upsd.protocol.Replies.argument;
import static org.knut.upsd.protocol.Replies.error;
import static org.knut.upsd.protocol.Replies.quoted;

import java.util.List;
import java.util.Locale;

import org.knut.core.model.Variable;
import org.knut.core.protocol.NutError;
import org.knut.upsd.config.Descriptions;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;
import org.knut.upsd.state.UpsRegistry;

/**
 * {@code GET VAR|TYPE|DESC|CMDDESC|UPSDESC|NUMLOGINS|TRACKING}, with upsd's argument checks and error
 * order. Replies echo the UPS and variable names as the client spelled them.
 */
final class GetCommand {
    private final UpsRegistry registry;
    private final UpsLookup lookup;
    private final Descriptions descriptions;
    private final TrackingTable tracking;
    private final ServerIdentity identity;

    GetCommand(UpsRegistry registry, Descriptions descriptions, TrackingTable tracking, ServerIdentity identity) {
        this.registry = registry;
        this.lookup = new UpsLookup(registry);
        this.descriptions = descriptions;
        this.tracking = tracking;
        this.identity = identity;
    }

    /** {@code a} holds every token, GET included. */
    void handle(Session s, List<String> a, StringBuilder out) {
        String what = argument(a, 1, out);
        if (what == null) {
            return;
        }
        what = what.toUpperCase(Locale.ROOT);
        if (what.equals("TRACKING")) {
            tracking(s, a, out);
            return;
        }
        String ups = argument(a, 2, out);
        if (ups == null) {
            return;
        }
        switch (what) {
            case "NUMLOGINS" -> numLogins(ups, out);
            case "UPSDESC" -> upsDesc(ups, out);
            default -> {
                String name = argument(a, 3, out);
                if (name == null) {
                    return;
                }
                switch (what) {
                    case "VAR" -> var(ups, name, out);
                    case "TYPE" -> type(ups, name, out);
                    case "DESC" -> desc(ups, name, out);
                    case "CMDDESC" -> cmdDesc(ups, name, out);
                    default -> error(out, NutError.INVALID_ARGUMENT);
                }
            }
        }
    }

    /** For {@code GET VAR ups name} of a known UPS (not a server.* variable): that UPS; else null. */
    ServedUps varAnsweredFrom(List<String> a) {
        if (!a.get(1).equalsIgnoreCase("VAR") || a.get(3).regionMatches(true, 0, "server.", 0, 7)) {
            return null;
        }
        return registry.find(a.get(2));
    }

    private void tracking(Session s, List<String> a, StringBuilder out) {
        if (a.size() < 3) {
            out.append(s.tracking() ? "ON\n" : "OFF\n");
        } else if (s.tracking()) {
            out.append(tracking.status(a.get(2))).append('\n');
        } else {
            error(out, NutError.FEATURE_NOT_CONFIGURED);
        }
    }

    private void numLogins(String ups, StringBuilder out) {
        ServedUps u = lookup.available(ups, out);
        if (u != null) {
            out.append("NUMLOGINS ").append(ups).append(' ').append(u.numLogins()).append('\n');
        }
    }

    private void upsDesc(String ups, StringBuilder out) {
        ServedUps u = lookup.known(ups, out);
        if (u != null) {
            quoted(out.append("UPSDESC ").append(ups).append(' '), u.desc() == null ? "Unavailable" : u.desc())
                    .append('\n');
        }
    }

    private void var(String ups, String var, StringBuilder out) {
        if (var.regionMatches(true, 0, "server.", 0, 7)) {
            serverVar(ups, var, out); // answered by upsd itself, whatever the UPS name
            return;
        }
        ServedUps u = lookup.available(ups, out);
        Variable v = lookup.variable(u, var, out);
        if (v == null) {
            return;
        }
        quoted(out.append("VAR ").append(ups).append(' ').append(var).append(' '), u.servedValue(v)).append('\n');
    }

    private void serverVar(String ups, String var, StringBuilder out) {
        String value;
        if (var.equalsIgnoreCase("server.info")) {
            value = identity.info();
        } else if (var.equalsIgnoreCase("server.version")) {
            value = identity.nutVersion();
        } else {
            error(out, NutError.VAR_NOT_SUPPORTED);
            return;
        }
        quoted(out.append("VAR ").append(ups).append(' ').append(var).append(' '), value).append('\n');
    }

    private void type(String ups, String var, StringBuilder out) {
        ServedUps u = lookup.available(ups, out);
        Variable v = lookup.variable(u, var, out);
        if (v == null) {
            return;
        }
        out.append("TYPE ").append(ups).append(' ').append(var).append(' ').append(v.typeWords()).append('\n');
    }

    private void desc(String ups, String var, StringBuilder out) {
        if (lookup.available(ups, out) != null) {
            quoted(out.append("DESC ").append(ups).append(' ').append(var).append(' '), descriptions.variable(var))
                    .append('\n');
        }
    }

    private void cmdDesc(String ups, String cmd, StringBuilder out) {
        if (lookup.available(ups, out) != null) {
            quoted(out.append("CMDDESC ").append(ups).append(' ').append(cmd).append(' '), descriptions.command(cmd))
                    .append('\n');
        }
    }
}
