package org.knut.core.sock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.protocol.NutTokenizer;

/**
 * knut's driver-socket extension for upsd replicas: {@code CLIENTS <replica> <count> [<address> ...]}.
 * Each upsd replica tells a knut driver who is logged into the UPS through it; the driver relays each
 * replica's line to the other replicas, so that NUMLOGINS and LIST CLIENT count the logins on every
 * replica. A replica that leaves is relayed as a count of 0. NUT's C drivers ignore the line.
 *
 * @param count     logins through that replica; may exceed the addresses listed when the line is full
 * @param addresses their client addresses
 */
public record ReplicaLogins(String replica, int count, List<String> addresses) {
    public static final String VERB = "CLIENTS";
    /**
     * Addresses per line at most: with the verb, replica and count the line stays within the arguments a
     * driver socket's tokenizer takes (a longer line would be refused whole, found by fuzzing).
     */
    public static final int MAX_ADDRESSES = NutTokenizer.DEFAULT_MAX_TOKENS - 3;
    /**
     * A replica sends its driver a line (PING when it has nothing else to say) at least this often, so the
     * driver can tell a live replica from one whose node died without closing the connection.
     */
    public static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /**
     * A knut driver drops a replica it has heard nothing from for this long (five heartbeats), and relays
     * it as gone, so the dead replica's logins stop counting.
     */
    public static final Duration SILENCE_LIMIT = HEARTBEAT.multipliedBy(5);

    public ReplicaLogins {
        addresses = List.copyOf(addresses.subList(0, Math.min(addresses.size(), MAX_ADDRESSES)));
    }

    /** The driver-socket line. */
    public String line() {
        StringBuilder sb = new StringBuilder(VERB).append(' ').append(NutTokenizer.word(replica)).append(' ').append(count);
        for (String a : addresses) {
            sb.append(' ').append(NutTokenizer.word(a));
        }
        return sb.toString();
    }

    /** The line a replica that has left is relayed as. */
    public static String gone(String replica) {
        return new ReplicaLogins(replica, 0, List.of()).line();
    }

    /** Parses the tokens of a CLIENTS line (verb included); null when they are not one. */
    public static ReplicaLogins parse(List<String> t) {
        if (t.size() < 3 || !t.get(0).equals(VERB) || t.get(1).isEmpty()) {
            return null;
        }
        int count;
        try {
            count = Integer.parseInt(t.get(2));
        } catch (NumberFormatException e) {
            return null;
        }
        if (count < 0) {
            return null;
        }
        return new ReplicaLogins(t.get(1), count, new ArrayList<>(t.subList(3, t.size())));
    }
}
