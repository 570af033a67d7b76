package org.knut.upsd.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Predicate;

import org.knut.core.config.UpsdUsers;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutTokenizer;
import org.knut.upsd.audit.AuditLog;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;

/**
 * The requests that change a UPS (SET VAR, INSTCMD, FSD), checked and forwarded the same way whether
 * they come over the NUT port or REST: the checks run in upsd's order, so both give the same error for
 * the same request. Every authentication goes through {@link #authenticate}, which the per-address
 * {@link LoginThrottle} guards; every change request, refused or not, leaves a line in the
 * {@link AuditLog}.
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

    /** Compared against when the user is unknown, so that an unknown name takes as long as a wrong password. */
    private static final byte[] NO_USER = digest("");

    private final UpsdUsers users;
    private final TrackingTable tracking;
    private final LoginThrottle throttle;

    public UpsControl(UpsdUsers users, TrackingTable tracking, LoginThrottle throttle) {
        this.users = users;
        this.tracking = tracking;
        this.throttle = throttle;
    }

    public TrackingTable tracking() {
        return tracking;
    }

    /**
     * The user with the requester's name and password, or null (also while its address is throttled). The
     * check takes the same time whatever the password and whether the user exists: both sides are hashed
     * to a fixed length and compared in constant time.
     */
    public UpsdUsers.User authenticate(Requester who) {
        if (throttle.refuses(who.address())) {
            return null;
        }
        UpsdUsers.User u = who.username() == null ? null : users.user(who.username());
        byte[] expected = u == null ? NO_USER : digest(u.password());
        boolean match = MessageDigest.isEqual(expected, digest(who.password() == null ? "" : who.password()));
        if (u == null || who.password() == null || !match) {
            throttle.failed(who.address());
            return null;
        }
        return u;
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** upsd's user_checkaction(): the user exists, the password matches and the right is granted. */
    public boolean granted(Requester who, Predicate<UpsdUsers.User> right) {
        UpsdUsers.User u = authenticate(who);
        return u != null && right.test(u);
    }

    public Outcome setVar(ServedUps u, Requester who, String var, String value, boolean track) {
        Outcome o = checkedSetVar(u, who, var, value, track);
        AuditLog.request(who, u.name(), "SET", o.error(), o.trackingId(), "var", var, "value", value);
        return o;
    }

    private Outcome checkedSetVar(ServedUps u, Requester who, String var, String value, boolean track) {
        NutError unavailable = u.availability().error();
        if (unavailable != null) {
            return Outcome.refused(unavailable);
        }
        if (!granted(who, UpsdUsers.User::maySet)) {
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
    public Outcome instcmd(ServedUps u, Requester who, String command, String parameter, boolean track) {
        Outcome o = checkedInstcmd(u, who, command, parameter, track);
        AuditLog.request(who, u.name(), "INSTCMD", o.error(), o.trackingId(), "cmd", command, "param", parameter);
        return o;
    }

    private Outcome checkedInstcmd(ServedUps u, Requester who, String command, String parameter, boolean track) {
        NutError unavailable = u.availability().error();
        if (unavailable != null) {
            return Outcome.refused(unavailable);
        }
        String cmd = u.command(command);
        if (cmd == null) {
            return Outcome.refused(NutError.CMD_NOT_SUPPORTED);
        }
        if (!granted(who, user -> user.mayInstcmd(cmd))) {
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
    public Outcome fsd(ServedUps u, Requester who) {
        Outcome o;
        if (granted(who, UpsdUsers.User::mayFsd)) {
            u.setFsd();
            u.channel().send(DRIVER_FSD);
            o = new Outcome(null, null);
        } else {
            o = Outcome.refused(NutError.ACCESS_DENIED);
        }
        AuditLog.request(who, u.name(), "FSD", o.error(), null);
        return o;
    }

    private Outcome forward(ServedUps u, String line, NutError failure, boolean track) {
        String id = track ? tracking.begin() : null;
        if (!u.channel().send(id == null ? line : line + " TRACKING " + id)) {
            return Outcome.refused(failure);
        }
        return new Outcome(null, id);
    }
}
