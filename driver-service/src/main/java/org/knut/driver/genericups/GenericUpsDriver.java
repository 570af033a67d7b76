package org.knut.driver.genericups;

import java.io.IOException;
import java.time.Duration;

import org.jboss.logging.Logger;
import org.knut.driver.serial.ModemLines;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;

/**
 * genericups: a contact-closure UPS read from the modem-status lines of its serial port. The cable is
 * powered from the outputs when the port opens; every poll reads the inputs and publishes
 * {@code ups.status}; shutdown raises the type's shutdown outputs (or sends a BREAK) and holds them for
 * {@code sdtime} seconds.
 */
final class GenericUpsDriver implements UpsDriver {
    private static final Logger LOG = Logger.getLogger(GenericUpsDriver.class);
    /** NUT's tcsendbreak(fd, 4901): on Linux about five seconds of BREAK. */
    private static final Duration BREAK = Duration.ofSeconds(5);

    private final UpsType type;
    private final String mfr;
    private final String model;
    private final String serial;
    private final long sdtime;
    private final SerialDevice device;

    GenericUpsDriver(UpsType type, String mfr, String model, String serial, long sdtime, SerialDevice device) {
        this.type = type;
        this.mfr = mfr;
        this.model = model;
        this.serial = serial;
        this.sdtime = sdtime;
        this.device = device;
    }

    @Override
    public void init(DriverState state) throws DriverException {
        LOG.infof("UPS type: %s", type.desc());
        lines(); // opens the port and powers the cable
        state.setInfo("ups.mfr", mfr != null ? mfr : type.mfr());
        state.setInfo("ups.model", model != null ? model : type.model());
        if (serial != null) {
            state.setInfo("ups.serial", serial);
        }
    }

    private ModemLines lines() throws DriverException {
        try {
            return device.lines();
        } catch (IOException e) {
            throw new DriverException(e.getMessage(), e);
        }
    }

    @Override
    public void update(DriverState state) throws DriverException {
        int inputs;
        try {
            inputs = Signals.of(lines().inputs());
        } catch (IOException e) {
            throw new DriverException("Status read failed: " + e.getMessage(), e);
        }
        state.status(type.status(inputs));
    }

    @Override
    public void shutdown(DriverState state) throws DriverException {
        if (type.shutdown() == Signals.UNKNOWN) {
            throw new DriverException("No shutdown command defined for this model!");
        }
        try {
            ModemLines l = lines();
            if (type.shutdown() == Signals.ST) {
                l.sendBreak(BREAK);
                return;
            }
            l.setOutputs((type.shutdown() & Signals.DTR) != 0, (type.shutdown() & Signals.RTS) != 0);
        } catch (IOException e) {
            throw new DriverException("shutdown signal failed: " + e.getMessage(), e);
        }
        if (sdtime > 0) {
            LOG.infof("Holding shutdown signal for %d seconds...", sdtime);
            try {
                Thread.sleep(Duration.ofSeconds(sdtime).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        device.close();
    }
}
