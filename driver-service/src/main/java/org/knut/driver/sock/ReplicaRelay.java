package org.knut.driver.sock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knut.core.sock.ReplicaLogins;

/**
 * Relays knut's {@code CLIENTS} lines between the upsd replicas connected to this driver, so each can
 * count the logins on all of them (NUMLOGINS, LIST CLIENT). A client becomes a replica by sending its
 * first CLIENTS line; it then gets the other replicas' current lines, and they get its lines from then
 * on. Plain NUT clients (a real upsd) never send one and never get one. Used by the socket thread only.
 */
final class ReplicaRelay {
    private final SocketCommands.Output output;
    private final Map<SocketClient, ReplicaLogins> replicas = new LinkedHashMap<>();

    ReplicaRelay(SocketCommands.Output output) {
        this.output = output;
    }

    void update(SocketClient from, ReplicaLogins logins) {
        // a replica that reconnected speaks through its new connection only: the old one may linger until
        // its silence limit, and its end must not be relayed as the replica gone
        replicas.entrySet().removeIf(e -> e.getKey() != from && e.getValue().replica().equals(logins.replica()));
        ReplicaLogins before = replicas.put(from, logins);
        for (Map.Entry<SocketClient, ReplicaLogins> e : replicas.entrySet()) {
            if (e.getKey() == from) {
                continue;
            }
            output.send(e.getKey(), List.of(logins.line()));
            if (before == null) {
                output.send(from, List.of(e.getValue().line()));
            }
        }
    }

    /** The client is gone: the others hear that its replica has no logins left. */
    void dropped(SocketClient client) {
        ReplicaLogins gone = replicas.remove(client);
        if (gone != null) {
            for (SocketClient other : replicas.keySet()) {
                output.send(other, List.of(ReplicaLogins.gone(gone.replica())));
            }
        }
    }
}
