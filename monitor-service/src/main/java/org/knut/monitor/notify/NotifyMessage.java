package org.knut.monitor.notify;

/**
 * Fills a NOTIFYMSG format the way upsmon does: the first {@code %s} is the UPS, a second {@code %s}
 * the event's details (the alarm text, the unclassified status words). Any other text is kept as is,
 * {@code %%} becomes {@code %}.
 */
public final class NotifyMessage {
    private NotifyMessage() {
    }

    public static String format(String format, String ups, String extra) {
        StringBuilder sb = new StringBuilder(format.length() + 32);
        int filled = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char next = format.charAt(i + 1);
                if (next == 's') {
                    sb.append(filled == 0 ? nullToEmpty(ups) : filled == 1 ? nullToEmpty(extra) : "");
                    filled++;
                    i++;
                    continue;
                }
                if (next == '%') {
                    sb.append('%');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
