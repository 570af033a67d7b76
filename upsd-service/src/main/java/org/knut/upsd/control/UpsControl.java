package org.knut.upsd.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Predicate;

import org.knut.core.config.UpsdUsers;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutTokenizer;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;

/**
 * The requests that change a UPS (SET VAR, INSTCMD, FSD), checked and forwarded the same way whether
 * they come over the NUT port or REST: the checks run in upsd's order, so both give the same error for
 * the same request.
 */
public final class UpsControl {
    /** The driver-socket line (a knut extension) that asks a knut driver to latch FSD and republish it. */
    public static final String DRIVER_FSD = "FSD";

    /** What a request came to: an error, or accepted (with its tracking id when it was tracked). */
    public record Outcome(NutError error, String trackingId) {
        static Outcome refused(NutError e) {
            return new Outcome(e, null);
        }

        public boolean accepted() {
            return error == null;
        }
    }

    private final UpsdUsers users;
    private final TrackingTable tracking;

    public UpsControl(UpsdUsers users, TrackingTable tracking) {
        this.users = users;
        this.tracking = tracking;
    }

    public TrackingTable tracking() {
        return tracking;
    }

    /** The user with this name and password, or null. The password check takes the same time either way. */
    public UpsdUsers.User authenticate(String username, String password) {
        UpsdUsers.User u = username == null ? null : users.user(username);
        if (u == null || password == null) {
            return null;
        }
        boolean match = MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        return match ? u : null;
    }

    /** upsd's user_checkaction(): the user exists, the password matches and the right is granted. */
    public boolean granted(String username, String password, Predicate<UpsdUsers.User> right) {
        UpsdUsers.User u = authenticate(username, password);
        return u != null && right.test(u);
    }

    public Outcome setVar(ServedUps u, String username, String password, String var, String value, boolean track) {
        NutError unavailable = u.availability().error();
        if (unavailable != null) {
            return Outcome.refused(unavailable);
        }
        if (!granted(username, password, UpsdUsers.User::maySet)) {
            return Outcome.refused(NutError.ACCESS_DENIED);
        }
        Variable v = u.variable(var);
        if (v == null) {
            return Outcome.refused(NutError.VAR_NOT_SUPPORTED);
        }
        NutError refusal = refusal(v, value);
        if (refusal != null) {
            return Outcome.refused(refusal);
        }
        return forward(u, "SET " + NutTokenizer.word(v.name()) + " " + NutTokenizer.quote(value), NutError.SET_FAILED, track);
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

    /** {@code parameter} may be null. */
    public Outcome instcmd(ServedUps u, String username, String password, String command, String parameter,
            boolean track) {
        NutError unavailable = u.availability().error();
        if (unavailable != null) {
            return Outcome.refused(unavailable);
        }
        String cmd = u.command(command);
        if (cmd == null) {
            return Outcome.refused(NutError.CMD_NOT_SUPPORTED);
        }
        if (!granted(username, password, user -> user.mayInstcmd(cmd))) {
            return Outcome.refused(NutError.ACCESS_DENIED);
        }
        String line = "INSTCMD " + NutTokenizer.word(cmd);
        if (parameter != null) {
            line += " " + NutTokenizer.word(parameter);
        }
        return forward(u, line, NutError.INSTCMD_FAILED, track);
    }

    /**
     * Latches forced shutdown here, and asks the driver to latch it too: a knut driver republishes
     * {@code ups.status} with FSD, so every upsd replica on that driver serves it (a NUT C driver ignores
     * the line, and the latch stays with this upsd, as in NUT).
     */
    public Outcome fsd(ServedUps u, String username, String password) {
        if (!granted(username, password, UpsdUsers.User::mayFsd)) {
            return Outcome.refused(NutError.ACCESS_DENIED);
        }
        u.setFsd();
        u.channel().send(DRIVER_FSD);
        return new Outcome(null, null);
    }

    private Outcome forward(ServedUps u, String line, NutError failure, boolean track) {
        String id = track ? tracking.begin() : null;
        if (!u.channel().send(id == null ? line : line + " TRACKING " + id)) {
            return Outcome.refused(failure);
        }
        return new Outcome(null, id);
    }
}
