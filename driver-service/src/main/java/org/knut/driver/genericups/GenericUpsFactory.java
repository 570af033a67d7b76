package org.knut.driver.genericups;

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
import org.knut.core.text.CNumbers;

/** NUT's {@code genericups}: contact-closure UPSes, one {@code upstype} per cable wiring. */
@ApplicationScoped
public class GenericUpsFactory implements DriverFactory {
    private final SerialOpener opener;

    public GenericUpsFactory() {
        this(JSerialCommLink::open);
    }

    /** With another way to open the port (tests drive the lines through a fake). */
    public GenericUpsFactory(SerialOpener opener) {
        this.opener = opener;
    }

    @Override
    public String name() {
        return "genericups";
    }

    @Override
    public String description() {
        return "Generic contact-closure UPS driver";
    }

    @Override
    public String version() {
        return "1.38-knut";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.value("upstype", "Set UPS type (required)"),
                DriverOption.value("mfr", "Override manufacturer name"),
                DriverOption.value("model", "Override model name"),
                DriverOption.value("serial", "Specify the serial number"),
                DriverOption.value("CP", "Override cable power setting"),
                DriverOption.value("OL", "Override on line signal"),
                DriverOption.value("LB", "Override low battery signal"),
                DriverOption.value("RB", "Override replace battery signal"),
                DriverOption.value("BYPASS", "Override battery bypass signal"),
                DriverOption.value("SD", "Override shutdown setting"),
                DriverOption.value("sdtime", "Hold time for shutdown value (seconds)"));
    }

    @Override
    public UpsDriver create(DriverSetup setup) {
        UpsType type = configuredType(setup);
        SerialDevice device = new SerialDevice(
                // NUT's genericups clears HUPCL too: the shutdown signal must stay after the driver exits
                SerialSettings.eightN1(setup.port(), 9600, !setup.flag("nolock")).keepingLinesOnClose(), opener,
                link -> link.setOutputs((type.cablePower() & Signals.DTR) != 0, (type.cablePower() & Signals.RTS) != 0));
        long sdtime = setup.option("sdtime") == null ? 0 : CNumbers.strtol(setup.option("sdtime"));
        return new GenericUpsDriver(type, setup.option("mfr"), setup.option("model"), setup.option("serial"), sdtime, device);
    }

    /** The upstype's table entry with the ups.conf overrides applied. */
    static UpsType configuredType(DriverSetup setup) {
        String upstype = setup.option("upstype");
        if (upstype == null) {
            throw new IllegalArgumentException("No upstype set - see help text / man page!");
        }
        long n = CNumbers.strtol(upstype); // atoi, as NUT
        if (n < 0 || n >= UpsType.TABLE.size()) {
            throw new IllegalArgumentException("unknown UPS type number " + upstype + " (0 to " + (UpsType.TABLE.size() - 1) + ")");
        }
        UpsType t = UpsType.TABLE.get((int) n);
        if (setup.option("CP") != null) {
            t = t.withCablePower(SignalOverrides.outputs("CP", setup.option("CP")));
        }
        if (setup.option("SD") != null) {
            t = t.withShutdown(SignalOverrides.outputs("SD", setup.option("SD")));
        }
        if (setup.option("OL") != null) {
            t = t.withOnline(SignalOverrides.input("OL", setup.option("OL")));
        }
        if (setup.option("LB") != null) {
            t = t.withLowBattery(SignalOverrides.input("LB", setup.option("LB")));
        }
        if (setup.option("RB") != null) {
            t = t.withReplaceBattery(SignalOverrides.input("RB", setup.option("RB")));
        }
        if (setup.option("BYPASS") != null) {
            t = t.withBypass(SignalOverrides.input("BYPASS", setup.option("BYPASS")));
        }
        return t;
    }
}
