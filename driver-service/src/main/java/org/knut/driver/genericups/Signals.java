package org.knut.driver.genericups;

import org.knut.driver.serial.ModemInputs;

/** Serial line bits as genericups' table uses them (NUT's TIOCM_* roles, our own numbering). */
final class Signals {
    static final int DTR = 1;
    static final int RTS = 2;
    /** Not a line: "send a BREAK" (NUT's TIOCM_ST). */
    static final int ST = 4;
    static final int CTS = 8;
    static final int DCD = 16;
    static final int RNG = 32;
    static final int DSR = 64;
    /** A shutdown signal the model does not have. */
    static final int UNKNOWN = -1;

    private Signals() {
    }

    /** The inputs as a bit set. */
    static int of(ModemInputs in) {
        return (in.cts() ? CTS : 0) | (in.dcd() ? DCD : 0) | (in.ri() ? RNG : 0) | (in.dsr() ? DSR : 0);
    }
}
