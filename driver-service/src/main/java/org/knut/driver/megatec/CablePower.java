package org.knut.driver.megatec;

import java.io.IOException;
import java.util.Locale;

import org.jboss.logging.Logger;
import org.knut.driver.serial.JSerialCommLink;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.serial.SerialSettings;

/** blazer_ser's {@code cablepower}: which modem-control outputs power the cable's level converter. */
enum CablePower {
    NORMAL(true, false), REVERSE(false, true), BOTH(true, true), NONE(false, false);

    private static final Logger LOG = Logger.getLogger(CablePower.class);
    /** Megatec's serial speed, for blazer_ser and nutdrv_qx alike. */
    private static final int BAUD = 2400;

    final boolean dtr;
    final boolean rts;

    CablePower(boolean dtr, boolean rts) {
        this.dtr = dtr;
        this.rts = rts;
    }

    /** The Megatec serial port (2400 8N1), this cable's outputs set each time it opens. */
    SerialDevice serialDevice(String port, boolean lock) {
        return new SerialDevice(SerialSettings.eightN1(port, BAUD, lock), JSerialCommLink::open, link -> {
            try {
                link.setOutputs(dtr, rts);
            } catch (IOException e) {
                // the C drivers ignore this too, and a pty has no modem lines
                LOG.debugf("cablepower: %s", e.getMessage());
            }
        });
    }

    static CablePower of(String value) {
        if (value == null) {
            return NORMAL;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Value '" + value + "' not valid for 'cablepower'", e);
        }
    }
}
