package org.knut.upsd.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.config.ConfigException;

/**
 * Which client addresses may connect ({@code knut.upsd.allow}: a comma list of CIDR blocks such as
 * {@code 10.0.0.0/8, ::1/128}; a bare address is a single host). NUT 2.8 has no ACLs any more; this
 * takes the place of the old ACCEPT/REJECT.
 */
public final class HostFilter {
    private static final HostFilter ALL = new HostFilter(null);

    private final List<Block> blocks;

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] addr) {
            if (addr.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (addr[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (addr[full] & mask) == (network[full] & mask);
        }
    }

    private HostFilter(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Lets every address in. */
    public static HostFilter all() {
        return ALL;
    }

    public boolean allowsAll() {
        return blocks == null;
    }

    /** Parses a comma list of CIDR blocks; {@code source} names the setting in error messages. */
    public static HostFilter parse(String list, String source) throws ConfigException {
        List<Block> blocks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            blocks.add(block(item, source));
        }
        if (blocks.isEmpty()) {
            throw new ConfigException(source, 0, "no address block given (leave it unset to allow every client)");
        }
        return new HostFilter(List.copyOf(blocks));
    }

    private static Block block(String item, String source) throws ConfigException {
        int slash = item.indexOf('/');
        String host = slash < 0 ? item : item.substring(0, slash);
        byte[] addr = literal(host, item, source);
        int max = addr.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(item.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new ConfigException(source, 0, "bad prefix length in '" + item + "' (0.." + max + ")");
            }
        }
        return new Block(addr, prefix);
    }

    /** Only IP literals: a host name here would need DNS at startup and could change under us. */
    private static byte[] literal(String host, String item, String source) throws ConfigException {
        boolean v4 = host.matches("[0-9.]+");
        boolean v6 = host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            throw new ConfigException(source, 0, "'" + item + "' is not an IP address or CIDR block");
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException(source, 0, "'" + item + "' is not an IP address or CIDR block");
        }
    }

    public boolean allows(InetAddress address) {
        if (blocks == null) {
            return true;
        }
        byte[] a = address.getAddress();
        for (Block b : blocks) {
            if (b.contains(a)) {
                return true;
            }
        }
        return false;
    }
}
