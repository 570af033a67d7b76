package org.knut.core.testing.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Source addresses for thousands of loopback clients: all of 127.0.0.0/8 is local on Linux, so binding
 * the clients to 127.1.x.y makes them look like many hosts (a server's per-address limits and
 * throttling see a few clients each, as they would in a real network) and gives each its own
 * ephemeral port range.
 */
public final class LoopbackSources {
    private LoopbackSources() {
    }

    /** {@code count} addresses 127.1.0.1, 127.1.0.2, ...; an empty list (the kernel chooses) for 0. */
    public static List<InetAddress> of(int count) {
        if (count < 0 || count > 65_000) {
            throw new IllegalArgumentException("source addresses: 0..65000, not " + count);
        }
        List<InetAddress> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            try {
                out.add(InetAddress.getByAddress(new byte[] { 127, 1, (byte) (i >> 8), (byte) (i & 0xff) }));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always an address
            }
        }
        return out;
    }

    /** The address for client {@code i}, or null when the kernel should choose. */
    static InetAddress pick(List<InetAddress> sources, int i) {
        return sources.isEmpty() ? null : sources.get(i % sources.size());
    }
}
