package org.knut.core.sock;

/**
 * The completion codes a driver reports with {@code TRACKING <id> <code>} (NUT's STAT_INSTCMD_* and
 * STAT_SET_* values share these numbers), and the text upsd answers to {@code GET TRACKING <id>}.
 */
public enum TrackingResult {
    HANDLED(0, "SUCCESS"),
    UNKNOWN(1, "ERR UNKNOWN"),
    INVALID(2, "ERR INVALID-ARGUMENT"),
    FAILED(3, "ERR FAILED");

    private final int code;
    private final String reply;

    TrackingResult(int code, String reply) {
        this.code = code;
        this.reply = reply;
    }

    public int code() {
        return code;
    }

    /** What {@code GET TRACKING} answers for this result. */
    public String reply() {
        return reply;
    }

    /** Unknown codes are failures. */
    public static TrackingResult fromCode(int code) {
        for (TrackingResult r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return FAILED;
    }
}
