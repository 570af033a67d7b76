package org.knut.driver.testing;

import java.util.List;

import org.knut.driver.apcsmart.ApcSmartFactory;
import org.knut.driver.genericups.GenericUpsFactory;
import org.knut.driver.megatec.BlazerSerFactory;
import org.knut.driver.megatec.EsupssmartFactory;
import org.knut.driver.megatec.FentonupsFactory;
import org.knut.driver.megatec.IpponFactory;
import org.knut.driver.megatec.MustekFactory;
import org.knut.driver.megatec.NutdrvQxFactory;
import org.knut.driver.megatec.PowermustFactory;
import org.knut.driver.spi.DriverRegistry;

/** The serial drivers, registered as the service registers them. */
public final class SerialDrivers {
    public static final DriverRegistry REGISTRY = new DriverRegistry(List.of(new BlazerSerFactory(), new FentonupsFactory(),
            new PowermustFactory(), new IpponFactory(), new EsupssmartFactory(), new MustekFactory(), new NutdrvQxFactory(), new ApcSmartFactory(),
            new GenericUpsFactory()));

    private SerialDrivers() {
    }
}
