package org.knut.upsd.protocol;

import static org.knut.upsd.protocol.Replies.error;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.knut.core.config.UpsdUsers;
import org.knut.core.protocol.NutError;
import org.knut.upsd.control.Requester;
import org.knut.upsd.control.UpsControl;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.UpsRegistry;

/**
 * The commands that act on a UPS and need an authenticated user: LOGIN, PRIMARY/MASTER, FSD, SET and
 * INSTCMD (the caller has checked that USERNAME and PASSWORD were given). The checks and the forwarding
 * to the driver are {@link UpsControl}'s, shared with the REST API; this class parses and replies.
 */
final class ControlCommands {
    private final UpsRegistry registry;
    private final UpsControl control;

    ControlCommands(UpsRegistry registry, UpsControl control) {
        this.registry = registry;
        this.control = control;
    }

    private static Requester who(Session s) {
        return new Requester(s.username(), s.password(), s.address(), "nut");
    }

    private boolean granted(Session s, Predicate<UpsdUsers.User> right) {
        return control.granted(who(s), right);
    }

    private ServedUps known(String ups, StringBuilder out) {
        ServedUps u = registry.find(ups);
        if (u == null) {
            error(out, NutError.UNKNOWN_UPS);
        }
        return u;
    }

    void login(Session s, List<String> a, StringBuilder out) {
        if (a.size() != 2) {
            error(out, NutError.INVALID_ARGUMENT);
            return;
        }
        if (s.login() != null) {
            error(out, NutError.ALREADY_LOGGED_IN);
            return;
        }
        ServedUps u = known(a.get(1), out);
        if (u == null) {
            return;
        }
        if (!granted(s, UpsdUsers.User::mayLogin)) {
            error(out, NutError.ACCESS_DENIED);
            return;
        }
        s.login(u);
        out.append("OK\n");
    }

    /** PRIMARY (NUT 2.8) and its deprecated alias MASTER differ only in the reply. */
    void primary(Session s, List<String> a, StringBuilder out, String granted) {
        if (a.size() != 2) {
            error(out, NutError.INVALID_ARGUMENT);
            return;
        }
        if (known(a.get(1), out) == null) {
            return;
        }
        if (!granted(s, UpsdUsers.User::mayPrimary)) {
            error(out, NutError.ACCESS_DENIED);
            return;
        }
        out.append("OK ").append(granted).append('\n');
    }

    void fsd(Session s, List<String> a, StringBuilder out) {
        if (a.size() != 2) {
            error(out, NutError.INVALID_ARGUMENT);
            return;
        }
        ServedUps u = known(a.get(1), out);
        if (u == null) {
            return;
        }
        reply(control.fsd(u, who(s)), "OK FSD-SET\n", out);
    }

    /** {@code SET VAR <ups> <var> <value>} and {@code SET TRACKING ON|OFF}. */
    void set(Session s, List<String> a, StringBuilder out) {
        int n = a.size() - 1;
        if (n < 2) {
            error(out, NutError.INVALID_ARGUMENT);
            return;
        }
        String what = a.get(1).toUpperCase(Locale.ROOT);
        if (what.equals("VAR")) {
            if (n < 4) {
                error(out, NutError.INVALID_ARGUMENT);
                return;
            }
            ServedUps u = known(a.get(2), out);
            if (u != null) {
                reply(control.setVar(u, who(s), a.get(3), a.get(4), s.tracking()), "OK\n", out);
            }
        } else if (what.equals("TRACKING")) {
            String mode = a.get(2).toUpperCase(Locale.ROOT);
            if (mode.equals("ON") || mode.equals("OFF")) {
                s.tracking(mode.equals("ON"));
                out.append("OK\n");
            } else {
                error(out, NutError.INVALID_ARGUMENT);
            }
        } else {
            error(out, NutError.INVALID_ARGUMENT);
        }
    }

    /** {@code INSTCMD <ups> <cmd> [<param>]}. */
    void instcmd(Session s, List<String> a, StringBuilder out) {
        int n = a.size() - 1;
        if (n < 2) {
            error(out, NutError.INVALID_ARGUMENT);
            return;
        }
        ServedUps u = known(a.get(1), out);
        if (u == null) {
            return;
        }
        String param = n == 3 ? a.get(3) : null; // upsd takes the parameter only when it is the one extra word
        reply(control.instcmd(u, who(s), a.get(2), param, s.tracking()), "OK\n", out);
    }

    private static void reply(UpsControl.Outcome o, String ok, StringBuilder out) {
        if (!o.accepted()) {
            error(out, o.error());
        } else if (o.trackingId() != null) {
            out.append("OK TRACKING ").append(o.trackingId()).append('\n');
        } else {
            out.append(ok);
        }
    }
}
