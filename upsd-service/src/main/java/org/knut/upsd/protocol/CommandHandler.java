package org.knut.upsd.protocol;

import static org.knut.upsd.protocol.Replies.error;

import java.util.List;
import java.util.Locale;

import org.knut.core.protocol.NutError;
import org.knut.upsd.config.Descriptions;
import org.knut.upsd.control.UpsControl;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.UpsRegistry;

/**
 * upsd's command dispatch: one request's tokens in, the complete reply text out. Pure (no I/O): the
 * caller decodes the line and writes the reply. Verbs are matched case-insensitively; LOGIN, PRIMARY,
 * MASTER, FSD, SET and INSTCMD need USERNAME and PASSWORD first, checked before their arguments as
 * upsd does. Safe to use from several event loops at once (each session from one only).
 */
public final class CommandHandler {
    static final String HELP = "Commands: HELP VER GET LIST SET INSTCMD LOGIN LOGOUT USERNAME PASSWORD STARTTLS\n";

    private final ServerIdentity identity;
    private final GetCommand get;
    private final ListCommand list;
    private final ControlCommands control;

    public CommandHandler(UpsRegistry registry, UpsControl control, Descriptions descriptions, ServerIdentity identity) {
        this.identity = identity;
        this.get = new GetCommand(registry, descriptions, control.tracking(), identity);
        this.list = new ListCommand(registry);
        this.control = new ControlCommands(registry, control);
    }

    /**
     * The UPS whose {@link ServedUps#answerStamp() answer stamp} alone decides the reply to {@code tokens}
     * ({@code GET VAR} of a known UPS: the reply depends on no session and no clock), or null when the
     * reply depends on more. A poller asking for one variable again and again can then be sent the same
     * reply bytes while the stamp stays the same.
     */
    public ServedUps answeredFrom(List<String> tokens) {
        return tokens.size() >= 4 && tokens.get(0).equalsIgnoreCase("GET") ? get.varAnsweredFrom(tokens) : null;
    }

    /** Appends the reply to {@code tokens} (the request, verb first) to {@code out}. */
    public void handle(Session s, List<String> tokens, StringBuilder out) {
        if (tokens.isEmpty()) {
            error(out, NutError.UNKNOWN_COMMAND);
            return;
        }
        String verb = tokens.get(0).toUpperCase(Locale.ROOT);
        switch (verb) {
            case "GET" -> get.handle(s, tokens, out);
            case "LIST" -> list.handle(tokens, out);
            case "VER" -> noArgs(tokens, out, identity.info() + "\n");
            case "NETVER", "PROTVER" -> noArgs(tokens, out, ServerIdentity.PROTOCOL_VERSION + "\n");
            case "HELP" -> noArgs(tokens, out, HELP);
            case "STARTTLS" -> startTls(s, out);
            case "USERNAME" -> username(s, tokens, out);
            case "PASSWORD" -> password(s, tokens, out);
            case "LOGOUT" -> logout(s, tokens, out);
            case "LOGIN", "PRIMARY", "MASTER", "FSD", "SET", "INSTCMD" -> {
                if (authenticated(s, out)) {
                    userCommand(verb, s, tokens, out);
                }
            }
            default -> error(out, NutError.UNKNOWN_COMMAND);
        }
    }

    private void userCommand(String verb, Session s, List<String> tokens, StringBuilder out) {
        switch (verb) {
            case "LOGIN" -> control.login(s, tokens, out);
            case "PRIMARY" -> control.primary(s, tokens, out, "PRIMARY-GRANTED");
            case "MASTER" -> control.primary(s, tokens, out, "MASTER-GRANTED");
            case "FSD" -> control.fsd(s, tokens, out);
            case "SET" -> control.set(s, tokens, out);
            default -> control.instcmd(s, tokens, out);
        }
    }

    private static boolean authenticated(Session s, StringBuilder out) {
        if (s.username() == null) {
            error(out, NutError.USERNAME_REQUIRED);
            return false;
        }
        if (s.password() == null) {
            error(out, NutError.PASSWORD_REQUIRED);
            return false;
        }
        return true;
    }

    private static void noArgs(List<String> tokens, StringBuilder out, String reply) {
        if (tokens.size() != 1) {
            error(out, NutError.INVALID_ARGUMENT);
        } else {
            out.append(reply);
        }
    }

    private static void username(Session s, List<String> tokens, StringBuilder out) {
        if (tokens.size() != 2) {
            error(out, NutError.INVALID_ARGUMENT);
        } else if (s.username() != null) {
            error(out, NutError.ALREADY_SET_USERNAME);
        } else {
            s.username(tokens.get(1));
            out.append("OK\n");
        }
    }

    private static void password(Session s, List<String> tokens, StringBuilder out) {
        if (tokens.size() != 2) {
            error(out, NutError.INVALID_ARGUMENT);
        } else if (s.password() != null) {
            error(out, NutError.ALREADY_SET_PASSWORD);
        } else {
            s.password(tokens.get(1));
            out.append("OK\n");
        }
    }

    /** As upsd's net_starttls: arguments are ignored; the connection switches once the reply is out. */
    private static void startTls(Session s, StringBuilder out) {
        if (s.tls() != Session.Tls.PLAIN) {
            error(out, NutError.ALREADY_SSL_MODE);
        } else if (!s.tlsAvailable()) {
            error(out, NutError.FEATURE_NOT_CONFIGURED);
        } else {
            out.append("OK STARTTLS\n");
            s.requestTls();
        }
    }

    private static void logout(Session s, List<String> tokens, StringBuilder out) {
        if (tokens.size() != 1) {
            error(out, NutError.INVALID_ARGUMENT);
            return;
        }
        out.append("OK Goodbye\n");
        s.close();
    }
}
