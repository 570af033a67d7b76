package org.knut.upsd.protocol;

import static org.knut.upsd.protocol.Replies.available;
import static org.knut.upsd.protocol.Replies.error;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.knut.core.config.UpsdUsers;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutTokenizer;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;
import org.knut.upsd.state.UpsRegistry;

/**
 * The commands that act on a UPS and need an authenticated user: LOGIN, PRIMARY/MASTER, FSD, SET and
 * INSTCMD (the caller has checked that USERNAME and PASSWORD were given). SET and INSTCMD are forwarded
 * to the driver, with a tracking id when the client asked for tracking.
 */
final class ControlCommands {
    private final UpsRegistry registry;
    private final UpsdUsers users;
    private final TrackingTable tracking;

    ControlCommands(UpsRegistry registry, UpsdUsers users, TrackingTable tracking) {
        this.registry = registry;
        this.users = users;
        this.tracking = tracking;
    }

    /** upsd's user_checkaction(): the user exists, the password matches and the right is granted. */
    private boolean granted(Session s, Predicate<UpsdUsers.User> right) {
        UpsdUsers.User u = users.user(s.username());
        return u != null && u.password().equals(s.password()) && right.test(u);
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
        if (!granted(s, UpsdUsers.User::mayFsd)) {
            error(out, NutError.ACCESS_DENIED);
            return;
        }
        u.setFsd();
        out.append("OK FSD-SET\n");
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
            setVar(s, a.get(2), a.get(3), a.get(4), out);
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

    private void setVar(Session s, String ups, String var, String value, StringBuilder out) {
        ServedUps u = known(ups, out);
        if (u == null || !available(u, out)) {
            return;
        }
        if (!granted(s, UpsdUsers.User::maySet)) {
            error(out, NutError.ACCESS_DENIED);
            return;
        }
        Variable v = u.variable(var);
        if (v == null) {
            error(out, NutError.VAR_NOT_SUPPORTED);
            return;
        }
        NutError refusal = refusal(v, value);
        if (refusal != null) {
            error(out, refusal);
            return;
        }
        forward(s, u, "SET " + NutTokenizer.word(v.name()) + " " + NutTokenizer.quote(value), NutError.SET_FAILED, out);
    }

    /** Why upsd would refuse {@code value} for {@code v}, or null when it is acceptable. */
    private static NutError refusal(Variable v, String value) {
        if (!v.writable()) {
            return NutError.READONLY;
        }
        if (v.flags().contains(VarFlag.STRING)) {
            if (v.aux() < 1) {
                return NutError.SET_FAILED; // the driver gave no usable maximum length
            }
            if (value.length() > v.aux()) {
                return NutError.TOO_LONG;
            }
        }
        if (!v.enums().isEmpty() && !v.enums().contains(value)) {
            return NutError.INVALID_VALUE;
        }
        if (!v.ranges().isEmpty() && v.ranges().stream().noneMatch(r -> r.contains(value))) {
            return NutError.INVALID_VALUE;
        }
        return null;
    }

    /** {@code INSTCMD <ups> <cmd> [<param>]}. */
    void instcmd(Session s, List<String> a, StringBuilder out) {
        int n = a.size() - 1;
        if (n < 2) {
            error(out, NutError.INVALID_ARGUMENT);
            return;
        }
        ServedUps u = known(a.get(1), out);
        if (u == null || !available(u, out)) {
            return;
        }
        String cmd = u.command(a.get(2));
        if (cmd == null) {
            error(out, NutError.CMD_NOT_SUPPORTED);
            return;
        }
        if (!granted(s, user -> user.mayInstcmd(cmd))) {
            error(out, NutError.ACCESS_DENIED);
            return;
        }
        String line = "INSTCMD " + NutTokenizer.word(cmd);
        if (n == 3) { // upsd takes the parameter only when it is the one extra word
            line += " " + NutTokenizer.word(a.get(3));
        }
        forward(s, u, line, NutError.INSTCMD_FAILED, out);
    }

    private void forward(Session s, ServedUps u, String line, NutError failure, StringBuilder out) {
        String id = s.tracking() ? tracking.begin() : null;
        if (!u.channel().send(id == null ? line : line + " TRACKING " + id)) {
            error(out, failure);
            return;
        }
        out.append(id == null ? "OK\n" : "OK TRACKING " + id + "\n");
    }
}
