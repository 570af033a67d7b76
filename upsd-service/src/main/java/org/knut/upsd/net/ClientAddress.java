package org.knut.upsd.net;

/**
 * A client's IP address as upsd writes it (inet_ntop): IPv6 in the RFC 5952 short form ({@code ::1},
 * not Java's {@code 0:0:0:0:0:0:0:1}) and without a zone.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String text(String hostAddress) {
        if (hostAddress.indexOf(':') < 0) {
            return hostAddress;
        }
        int zone = hostAddress.indexOf('%');
        String[] groups = (zone < 0 ? hostAddress : hostAddress.substring(0, zone)).split(":", -1);
        if (groups.length != 8) {
            return hostAddress; // already short
        }
        // the longest run of two or more zero groups becomes "::" (the first one on a tie)
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && Integer.parseInt(groups[j], 16) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
        }
        return sb.toString();
    }
}
