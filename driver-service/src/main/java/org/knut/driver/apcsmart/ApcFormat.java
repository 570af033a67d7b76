package org.knut.driver.apcsmart;

import org.knut.core.text.CNumbers;

/** How an APC answer becomes a NUT value (apcsmart's APC_F_* formats). */
enum ApcFormat {
    LEAVE, PERCENT, VOLT, AMP, CELSIUS, HEX, DEC, SECONDS, MINUTES, HOURS, REASON;

    String convert(String raw) {
        return switch (this) {
            case HOURS -> String.valueOf(3600 * CNumbers.strtol(raw));
            case MINUTES -> String.valueOf(60 * CNumbers.strtol(raw));
            case REASON -> raw.isEmpty() ? raw : switch (raw.charAt(0)) {
                case 'R' -> "unacceptable utility voltage rate of change";
                case 'H' -> "high utility voltage";
                case 'L' -> "low utility voltage";
                case 'T' -> "line voltage notch or spike";
                case 'O' -> "no transfers yet since turnon";
                case 'S' -> "simulated power failure or UPS test";
                default -> raw;
            };
            default -> raw;
        };
    }
}
