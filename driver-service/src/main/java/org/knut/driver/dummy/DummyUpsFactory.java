package org.knut.driver.dummy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.knut.core.client.UpsId;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.UpsDriver;

/** NUT's {@code dummy-ups}: a simulated UPS from a data file, or a repeater of another upsd's UPS. */
@ApplicationScoped
public class DummyUpsFactory implements DriverFactory {

    @Override
    public String name() {
        return "dummy-ups";
    }

    @Override
    public String description() {
        return "Device simulation and repeater driver";
    }

    /** Modelled on dummy-ups 0.15 (NUT 2.8.0). */
    @Override
    public String version() {
        return "0.15-knut";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.value("mode", "Specify mode instead of guessing it from port value (dummy = dummy-loop, dummy-once, repeater)"),
                DriverOption.value("username", "repeater mode: upsd user for forwarded instant commands and SET (knut extension)"),
                DriverOption.secret("password", "repeater mode: that user's password (knut extension)"));
    }

    @Override
    public UpsDriver create(DriverSetup setup) {
        DummyMode mode = DummyMode.resolve(setup.option("mode"), setup.port());
        if (mode == DummyMode.REPEATER) {
            UpsId target;
            try {
                target = UpsId.parse(setup.port());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid UPS definition '" + setup.port()
                        + "': required format upsname[@hostname[:port]] (" + e.getMessage() + ")", e);
            }
            return new RepeaterDriver(target, setup.option("username"), setup.option("password"));
        }
        return new DummyFileDriver(mode, new DataFilePlayer(setup.resolve(setup.port()), setup.clock()));
    }
}
