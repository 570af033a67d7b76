package org.knut.driver.sock;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.core.model.UpsState;
import org.knut.core.protocol.NutTokenizer;
import org.knut.core.sock.DriverLines;
import org.knut.core.sock.ReplicaLogins;
import org.knut.core.sock.TrackingResult;

/**
 * What a driver answers on its socket (NUT's {@code drivers/dstate.c} sock_arg): DUMPALL, DUMPVALUE,
 * DUMPSTATUS, PING, GETPID, NOBROADCAST, BROADCAST, LOGOUT, INSTCMD and SET with optional TRACKING;
 * and knut's two extensions for upsd replicas: FSD (latch forced shutdown in {@code ups.status}) and
 * CLIENTS (see {@link ReplicaRelay}). Verbs are case-insensitive. Unknown or malformed commands get no answer, as in NUT; the caller logs
 * them.
 */
final class SocketCommands {
    /** Where answers go: the server queues them on the client and wakes its writer. */
    interface Output {
        void send(SocketClient client, List<String> lines);

        void closeAfterFlush(SocketClient client);
    }

    private static final Logger LOG = Logger.getLogger(SocketCommands.class);
    private static final Set<String> VARIABLE_VERBS = Set.of("SETINFO", "SETFLAGS", "SETAUX", "ADDENUM", "ADDRANGE");

    private final SocketBackend backend;
    private final Output output;
    private final ReplicaRelay replicas;
    private final String pid = String.valueOf(ProcessHandle.current().pid());

    SocketCommands(SocketBackend backend, Output output) {
        this.backend = backend;
        this.output = output;
        this.replicas = new ReplicaRelay(output);
    }

    /** The client's connection is gone. */
    void dropped(SocketClient c) {
        replicas.dropped(c);
    }

    /** Handles one tokenised line; false when it is not a command NUT's drivers accept. */
    boolean handle(SocketClient c, List<String> t) {
        if (t.isEmpty()) {
            return false;
        }
        int n = t.size();
        switch (t.get(0).toUpperCase(Locale.ROOT)) {
            case "DUMPALL":
                backend.state().locked(() -> output.send(c, DriverLines.dumpAll(backend.state().upsState())));
                return true;
            case "DUMPSTATUS":
                dumpValue(c, "ups.status");
                return true;
            case "DUMPVALUE":
                if (n < 2) {
                    return false;
                }
                dumpValue(c, t.get(1));
                return true;
            case "PING":
                output.send(c, List.of("PONG"));
                return true;
            case "GETPID":
                output.send(c, List.of("PID " + pid));
                return true;
            case "NOBROADCAST":
                c.broadcast(false);
                return true;
            case "BROADCAST":
                c.broadcast(n < 2 || !disables(t.get(1)));
                return true;
            case "LOGOUT":
                output.send(c, List.of("OK Goodbye"));
                output.closeAfterFlush(c);
                return true;
            case "INSTCMD":
                return instcmd(c, t);
            case "SET":
                return set(c, t);
            case "FSD": // knut extension: an upsd replica passes on a primary's forced shutdown
                backend.state().forceShutdown();
                return true;
            case ReplicaLogins.VERB: { // knut extension: logins through an upsd replica
                ReplicaLogins r = ReplicaLogins.parse(t);
                if (r == null) {
                    return false;
                }
                c.replica = true;
                replicas.update(c, r);
                return true;
            }
            default:
                return false;
        }
    }

    /** {@code BROADCAST n} with n <= 0 turns broadcasts off; anything unparsable leaves them on. */
    private static boolean disables(String arg) {
        try {
            return Integer.parseInt(arg) < 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void dumpValue(SocketClient c, String var) {
        backend.state().locked(() -> {
            UpsState state = backend.state().upsState();
            List<String> lines = new ArrayList<>();
            if (state.get(var) != null) {
                // the variable's part of a full dump: every line whose subject is this variable
                String subject = " " + NutTokenizer.word(var) + " ";
                for (String l : DriverLines.dumpAll(state)) {
                    int sp = l.indexOf(' ');
                    if (sp > 0 && VARIABLE_VERBS.contains(l.substring(0, sp)) && l.startsWith(subject, sp)) {
                        lines.add(l);
                    }
                }
            }
            lines.add(state.dataOk() ? "DATAOK" : "DATASTALE");
            lines.add("DUMPDONE");
            output.send(c, lines);
        });
    }

    /** {@code INSTCMD <cmd> [<param>] [TRACKING <id>]}. */
    private boolean instcmd(SocketClient c, List<String> t) {
        int n = t.size();
        String param = null;
        String id = null;
        if (n == 3) {
            param = t.get(2);
        } else if (n == 4 && t.get(2).equalsIgnoreCase("TRACKING")) {
            id = t.get(3);
        } else if (n == 5 && t.get(3).equalsIgnoreCase("TRACKING")) {
            param = t.get(2);
            id = t.get(4);
        } else if (n != 2) {
            return false;
        }
        backend.instcmd(t.get(1), param, tracked(c, id, "INSTCMD " + t.get(1)));
        return true;
    }

    /** {@code SET <var> <value> [TRACKING <id>]}; like NUT, extra words other than a TRACKING pair are ignored. */
    private boolean set(SocketClient c, List<String> t) {
        int n = t.size();
        if (n < 3) {
            return false;
        }
        String id = null;
        if (n == 5) {
            if (!t.get(3).equalsIgnoreCase("TRACKING")) {
                return false;
            }
            id = t.get(4);
        }
        backend.setvar(t.get(1), t.get(2), tracked(c, id, "SET " + t.get(1)));
        return true;
    }

    private Consumer<TrackingResult> tracked(SocketClient c, String id, String what) {
        return result -> {
            LOG.debugf("%s from %s: %s", what, c.peer, result);
            if (id != null) {
                output.send(c, List.of(DriverLines.tracking(id, result.code())));
            }
        };
    }
}
