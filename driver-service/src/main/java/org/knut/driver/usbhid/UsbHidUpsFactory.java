package org.knut.driver.usbhid;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.UpsDriver;
import org.knut.driver.usb.HidDeviceOpener;
import org.knut.driver.usb.Usb4javaOpener;

/** NUT's {@code usbhid-ups}: USB HID Power Device UPSes through libusb (usb4java). */
@ApplicationScoped
public class UsbHidUpsFactory implements DriverFactory {
    private final HidDeviceOpener opener;
    private volatile SubdriverCatalog catalog;

    @Inject
    public UsbHidUpsFactory() {
        this(new Usb4javaOpener());
    }

    /** With another way to reach devices (tests use a simulated device). */
    public UsbHidUpsFactory(HidDeviceOpener opener) {
        this.opener = opener;
    }

    @Override
    public String name() {
        return "usbhid-ups";
    }

    @Override
    public String description() {
        return "Generic HID driver";
    }

    /** Modelled on usbhid-ups 0.47 (NUT 2.8.0). */
    @Override
    public String version() {
        return "0.47-knut";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.value("lowbatt", "Set low battery level, in % (default=30)"),
                DriverOption.value("offdelay", "Set shutdown delay, in seconds (default=20)"),
                DriverOption.value("ondelay", "Set startup delay, in seconds (default=30)"),
                DriverOption.value("pollfreq", "Set polling frequency, in seconds, to reduce data flow (default=30)"),
                DriverOption.flag("pollonly", "Don't use interrupt pipe, only use polling"),
                DriverOption.flag("onlinedischarge", "Set to treat discharging while online as being offline"),
                DriverOption.value("vendor", "Regular expression to match UPS Manufacturer string"),
                DriverOption.value("product", "Regular expression to match UPS Product string"),
                DriverOption.value("serial", "Regular expression to match UPS Serial number"),
                DriverOption.value("vendorid", "Regular expression to match UPS Manufacturer numerical ID (4 digits hexadecimal)"),
                DriverOption.value("productid", "Regular expression to match UPS Product numerical ID (4 digits hexadecimal)"),
                DriverOption.value("bus", "Regular expression to match USB bus name"),
                DriverOption.value("device", "Regular expression to match USB device name"),
                DriverOption.value("usb_set_altinterface", "Force redundant call to usb_set_altinterface() (accepted, not needed with libusb 1.0)"),
                DriverOption.flag("explore", "Diagnostic matching of unsupported UPS"),
                DriverOption.flag("maxreport", "Activate tweak for buggy APC Back-UPS firmware (accepted; reports are always read whole)"),
                DriverOption.flag("interruptonly", "Don't use polling, only use interrupt pipe"),
                DriverOption.value("interruptsize", "Number of bytes to read from interrupt pipe"));
    }

    @Override
    public UpsDriver create(DriverSetup setup) {
        return new HidUpsDriver(setup.upsName(), HidUpsSettings.of(setup), catalog(), opener, setup.clock(), setup.pollInterval());
    }

    private SubdriverCatalog catalog() {
        SubdriverCatalog c = catalog;
        if (c == null) {
            c = SubdriverCatalog.builtIn();
            catalog = c;
        }
        return c;
    }
}
