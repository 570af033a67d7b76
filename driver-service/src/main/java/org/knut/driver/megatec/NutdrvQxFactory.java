package org.knut.driver.megatec;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.knut.driver.serial.SerialDevice;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.UpsDriver;

/** NUT's {@code nutdrv_qx} on a serial port, with the Megatec-shaped subdrivers of {@link QxSubdrivers}. */
@ApplicationScoped
public class NutdrvQxFactory implements DriverFactory {
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
        SerialDevice device = o.cablePower().serialDevice(setup.port(), o.lock());
        return new QxDriver(o, device, setup.clock());
    }
}
