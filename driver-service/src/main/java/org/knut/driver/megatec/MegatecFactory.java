package org.knut.driver.megatec;

import java.util.List;

import org.knut.driver.serial.SerialDevice;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.UpsDriver;

/** A Megatec-family driver name: the one protocol engine configured with that name's dialect. */
public abstract class MegatecFactory implements DriverFactory {
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
        SerialDevice device = o.cablePower().serialDevice(setup.port(), o.lock());
        return new MegatecDriver(dialect, o, device, setup.clock());
    }
}
