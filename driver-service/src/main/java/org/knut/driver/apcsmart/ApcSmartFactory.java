package org.knut.driver.apcsmart;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.knut.driver.serial.JSerialCommLink;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.serial.SerialOpener;
import org.knut.driver.serial.SerialSettings;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.UpsDriver;

/** NUT's {@code apcsmart}: APC Smart protocol units over a serial line, 2400 baud 8N1. */
@ApplicationScoped
public class ApcSmartFactory implements DriverFactory {
    private final SerialOpener opener;

    public ApcSmartFactory() {
        this(JSerialCommLink::open);
    }

    /** With another way to open the port (tests watch the modem lines the cable setting drives). */
    public ApcSmartFactory(SerialOpener opener) {
        this.opener = opener;
    }

    @Override
    public String name() {
        return "apcsmart";
    }

    @Override
    public String description() {
        return "APC Smart protocol driver";
    }

    /** Modelled on apcsmart 3.1 (NUT 2.8.0). */
    @Override
    public String version() {
        return "3.1-knut";
    }

    @Override
    public List<DriverOption> options() {
        return ApcOptions.DECLARED;
    }

    @Override
    public UpsDriver create(DriverSetup setup) {
        ApcOptions o = ApcOptions.from(setup);
        SerialDevice device = new SerialDevice(SerialSettings.eightN1(setup.port(), 2400, o.lock()), opener, link -> {
            if (o.cable940_0095B()) {
                try {
                    link.setOutputs(true, false);
                } catch (IOException e) {
                    throw new IOException("cable=940-0095B needs DTR on and RTS off: " + e.getMessage(), e);
                }
            }
        });
        return new ApcSmartDriver(o, device, setup.clock());
    }
}
