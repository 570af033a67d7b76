package org.knut.driver.megatec;

/**
 * The eight status bits ending a Megatec status line, {@code b7..b0} written left to right.
 *
 * @param bits the eight characters, each '0' or '1'
 */
record StatusBits(String bits) {
    StatusBits {
        if (bits.length() != 8 || !bits.chars().allMatch(c -> c == '0' || c == '1')) {
            throw new IllegalArgumentException("Invalid status [" + bits + "]");
        }
    }

    /** Parses the token, or says why it is not eight 0/1 characters. */
    static StatusBits parse(String token) throws BadReply {
        try {
            return new StatusBits(token);
        } catch (IllegalArgumentException e) {
            throw new BadReply(e.getMessage());
        }
    }

    private boolean bit(int i) {
        return bits.charAt(i) == '1';
    }

    boolean utilityFail() {
        return bit(0);
    }

    boolean batteryLow() {
        return bit(1);
    }

    boolean bypassBoostOrBuck() {
        return bit(2);
    }

    boolean upsFailed() {
        return bit(3);
    }

    boolean standby() {
        return bit(4);
    }

    boolean testInProgress() {
        return bit(5);
    }

    boolean shutdownActive() {
        return bit(6);
    }

    boolean beeperOn() {
        return bit(7);
    }
}
