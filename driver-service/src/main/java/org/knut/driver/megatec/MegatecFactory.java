package org.knut.driver.megatec;

import java.io.IOException;
import java.util.List;

import org.jboss.logging.Logger;
import org.knut.driver.serial.JSerialCommLink;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.serial.SerialSettings;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.UpsDriver;

/** A Megatec-family driver name: the one protocol engine configured with that name's dialect. */
public abstract class MegatecFactory implements DriverFactory {
    private static final Logger LOG = Logger.getLogger(MegatecFactory.class);
    /** Every Megatec unit talks 2400 baud 8N1. */
    private static final int BAUD = 2400;

    private final MegatecDialect dialect;

    protected MegatecFactory(MegatecDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return dialect.name();
    }

    @Override
    public String description() {
        return dialect.description();
    }

    @Override
    public String version() {
        return dialect.version();
    }

    @Override
    public List<DriverOption> options() {
        return MegatecOptions.DECLARED;
    }

    @Override
    public UpsDriver create(DriverSetup setup) {
        MegatecOptions o = MegatecOptions.from(setup);
        SerialDevice device = new SerialDevice(SerialSettings.eightN1(setup.port(), BAUD, o.lock()), JSerialCommLink::open, link -> {
            try {
                link.setOutputs(o.cablePower().dtr, o.cablePower().rts);
            } catch (IOException e) {
                LOG.debugf("cablepower: %s", e.getMessage()); // blazer_ser ignores this too
            }
        });
        return new MegatecDriver(dialect, o, device, setup.clock());
    }
}
