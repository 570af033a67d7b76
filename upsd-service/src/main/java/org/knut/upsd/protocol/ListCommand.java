package org.knut.upsd.protocol;

import static org.knut.upsd.protocol.Replies.argument;
import static org.knut.upsd.protocol.Replies.error;
import static org.knut.upsd.protocol.Replies.quoted;

import java.util.List;
import java.util.Locale;

import org.knut.core.model.Range;
import org.knut.core.model.Variable;
import org.knut.core.protocol.NutError;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.UpsRegistry;

/**
 * {@code LIST UPS|VAR|RW|CMD|ENUM|RANGE|CLIENT}. The whole reply, BEGIN to END, goes into one buffer so
 * that it leaves in one write (upsd writes a line at a time, which costs a delayed ACK per LIST).
 */
final class ListCommand {
    private final UpsRegistry registry;
    private final UpsLookup lookup;

    ListCommand(UpsRegistry registry) {
        this.registry = registry;
        this.lookup = new UpsLookup(registry);
    }

    /** {@code a} holds every token, LIST included. */
    void handle(List<String> a, StringBuilder out) {
        String what = argument(a, 1, out);
        if (what == null) {
            return;
        }
        what = what.toUpperCase(Locale.ROOT);
        if (what.equals("UPS")) {
            ups(out);
            return;
        }
        String ups = argument(a, 2, out);
        if (ups == null) {
            return;
        }
        switch (what) {
            case "VAR" -> vars(ups, out, false);
            case "RW" -> vars(ups, out, true);
            case "CMD" -> commands(ups, out);
            case "CLIENT" -> clients(ups, out);
            default -> {
                String var = argument(a, 3, out);
                if (var == null) {
                    return;
                }
                switch (what) {
                    case "ENUM" -> enums(ups, var, out);
                    case "RANGE" -> ranges(ups, var, out);
                    default -> error(out, NutError.INVALID_ARGUMENT);
                }
            }
        }
    }

    private void ups(StringBuilder out) {
        out.append("BEGIN LIST UPS\n");
        for (ServedUps u : registry.all()) {
            quoted(out.append("UPS ").append(u.name()).append(' '), u.desc() == null ? "Description unavailable" : u.desc())
                    .append('\n');
        }
        out.append("END LIST UPS\n");
    }

    /** LIST VAR shows ups.status with the FSD latch; LIST RW shows the raw values, as upsd does. */
    private void vars(String ups, StringBuilder out, boolean rwOnly) {
        ServedUps u = lookup.available(ups, out);
        if (u == null) {
            return;
        }
        String type = rwOnly ? "RW" : "VAR";
        out.append("BEGIN LIST ").append(type).append(' ').append(ups).append('\n');
        for (Variable v : u.state().variables()) {
            if (rwOnly && !v.writable()) {
                continue;
            }
            out.append(type).append(' ').append(ups).append(' ').append(v.name()).append(' ');
            quoted(out, rwOnly ? v.value() : u.servedValue(v)).append('\n');
        }
        out.append("END LIST ").append(type).append(' ').append(ups).append('\n');
    }

    private void commands(String ups, StringBuilder out) {
        ServedUps u = lookup.available(ups, out);
        if (u == null) {
            return;
        }
        out.append("BEGIN LIST CMD ").append(ups).append('\n');
        for (String c : u.state().commands()) {
            out.append("CMD ").append(ups).append(' ').append(c).append('\n');
        }
        out.append("END LIST CMD ").append(ups).append('\n');
    }

    private void enums(String ups, String var, StringBuilder out) {
        Variable v = variable(ups, var, out);
        if (v == null) {
            return;
        }
        out.append("BEGIN LIST ENUM ").append(ups).append(' ').append(var).append('\n');
        for (String e : v.enums()) {
            quoted(out.append("ENUM ").append(ups).append(' ').append(var).append(' '), e).append('\n');
        }
        out.append("END LIST ENUM ").append(ups).append(' ').append(var).append('\n');
    }

    private void ranges(String ups, String var, StringBuilder out) {
        Variable v = variable(ups, var, out);
        if (v == null) {
            return;
        }
        out.append("BEGIN LIST RANGE ").append(ups).append(' ').append(var).append('\n');
        for (Range r : v.ranges()) {
            out.append("RANGE ").append(ups).append(' ').append(var).append(' ');
            quoted(out, r.min()).append(' ');
            quoted(out, r.max()).append('\n');
        }
        out.append("END LIST RANGE ").append(ups).append(' ').append(var).append('\n');
    }

    private Variable variable(String ups, String var, StringBuilder out) {
        return lookup.variable(lookup.available(ups, out), var, out);
    }

    /** Clients logged into the UPS, through this replica and the others on its driver; no driver needed, as in upsd. */
    private void clients(String ups, StringBuilder out) {
        ServedUps u = lookup.known(ups, out);
        if (u == null) {
            return;
        }
        out.append("BEGIN LIST CLIENT ").append(ups).append('\n');
        for (String address : u.clientAddresses()) {
            out.append("CLIENT ").append(u.name()).append(' ').append(address).append('\n');
        }
        out.append("END LIST CLIENT ").append(ups).append('\n');
    }
}
