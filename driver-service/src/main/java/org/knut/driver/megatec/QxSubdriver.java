package org.knut.driver.megatec;

import java.util.List;

/**
 * One nutdrv_qx subdriver ("protocol"): its table of rows, how it claims a device, its commands and
 * its delay settings.
 *
 * @param version its name and version as nutdrv_qx publishes it in {@code driver.version.data}; the
 *        word before the space is what {@code protocol =} takes
 * @param claim how a device is recognised
 * @param items the rows, in the order they are read
 * @param commands its instant commands
 * @param reply how a command's answer is read
 * @param rejected the whole answer by which the UPS refuses a query, or null
 * @param ondelay range and default of {@code ups.delay.start}
 * @param offdelay range and default of {@code ups.delay.shutdown}
 * @param ratingVendorFlags whether {@code norating}/{@code novendor} apply (blazer_initups, not its light twin)
 */
record QxSubdriver(String version, Claim claim, List<QxItem> items, List<QxCommand> commands, Reply reply, String rejected,
        Delay ondelay, Delay offdelay, boolean ratingVendorFlags) {

    /** How a subdriver recognises its device. */
    enum Claim {
        /** A status answer, then (unless {@code novendor}) a vendor answer (blazer_claim). */
        STATUS_AND_VENDOR,
        /** A status answer (blazer_claim_light). */
        STATUS,
        /** The protocol letter V, then a status answer (voltronic_qs_claim). */
        PROTOCOL_AND_STATUS,
        /** A status answer, then a known protocol number (voltronic_claim). */
        STATUS_AND_PROTOCOL,
        /**
         * A status answer, then {@code QPI} answered with the P98 protocol, or refused with the
         * subdriver's refusal: an ACK/NAK unit, which is not asked QPI again (mecer_claim).
         */
        STATUS_AND_P98_OR_REFUSAL
    }

    /**
     * How a command's answer is read: no answer at all means done when {@code length} is 0, else the
     * answer must be that long and start with {@code leading}; its columns {@code from..to} (to 0: up to
     * the CR) must then be {@code accepted}, or be empty.
     */
    record Reply(int length, char leading, int from, int to, String accepted) {

        /** Whether {@code answer} means done; {@code rejected} is the subdriver's refusal, or null. */
        boolean done(String answer, String rejected) {
            if (rejected != null && answer.equalsIgnoreCase(rejected) || answer.length() < length
                    || leading != 0 && (answer.isEmpty() || answer.charAt(0) != leading)) {
                return false; // refused, or not the answer's shape (an echo of the command)
            }
            String value = QxItem.columns(answer, from, to);
            return value.isEmpty() || value.equalsIgnoreCase(accepted);
        }
    }

    /** A settable delay: its range and the value it starts with. */
    record Delay(long min, long max, long initial) {
    }

    /** The name {@code protocol =} takes (compared ignoring case). */
    String protocol() {
        int space = version.indexOf(' ');
        return space < 0 ? version : version.substring(0, space);
    }

    QxItem item(String var) {
        return items.stream().filter(i -> i.var().equalsIgnoreCase(var)).findFirst().orElse(null);
    }

    QxCommand command(String name) {
        return commands.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
