package org.knut.driver.megatec;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.knut.driver.serial.JSerialCommLink;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.serial.SerialSettings;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.UpsDriver;

/** NUT's {@code nutdrv_qx} on a serial port, with the Megatec-shaped subdrivers of {@link QxSubdrivers}. */
@ApplicationScoped
public class NutdrvQxFactory implements DriverFactory {
    private static final Logger LOG = Logger.getLogger(NutdrvQxFactory.class);
    /** nutdrv_qx talks 2400 baud 8N1 on a serial port. */
    private static final int BAUD = 2400;

    @Override
    public String name() {
        return "nutdrv_qx";
    }

    @Override
    public String description() {
        return "Generic Q* Serial driver";
    }

    @Override
    public String version() {
        return "0.32-knut";
    }

    @Override
    public List<DriverOption> options() {
        return QxOptions.DECLARED;
    }

    @Override
    public UpsDriver create(DriverSetup setup) {
        QxOptions o = QxOptions.from(setup);
        SerialDevice device = new SerialDevice(SerialSettings.eightN1(setup.port(), BAUD, o.lock()), JSerialCommLink::open, link -> {
            try {
                link.setOutputs(o.cablePower().dtr, o.cablePower().rts);
            } catch (IOException e) {
                LOG.debugf("cablepower: %s", e.getMessage()); // a pty has no modem lines
            }
        });
        return new QxDriver(o, device, setup.clock());
    }
}
