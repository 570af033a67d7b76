package org.knut.driver.usbhid;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.knut.driver.spi.DriverSetup;
import org.knut.driver.usb.UsbMatcher;

/**
 * usbhid-ups's ups.conf options, checked when the configuration is read.
 *
 * @param matcher the vendorid/productid/vendor/product/serial/bus/device expressions
 * @param productIdGiven a productid was given (then a known vendor's unknown product is tried)
 * @param vendorIdGiven a vendorid was given (then a device no table claims gets the generic table)
 * @param pollFreq seconds between full updates (quick polls of the status rows in between)
 * @param pollOnly never read the interrupt pipe
 * @param interruptOnly never poll, only read the interrupt pipe
 * @param interruptSize bytes to read from the interrupt pipe (0: the largest report)
 * @param onlineDischarge read OL+DISCHRG as on battery
 * @param lowBatt battery.charge.low to publish, or null
 * @param onDelay ups.delay.start to publish, or null
 * @param offDelay ups.delay.shutdown to publish, or null
 * @param explore log every HID path of the device with its value
 */
record HidUpsSettings(UsbMatcher matcher, boolean productIdGiven, boolean vendorIdGiven, Duration pollFreq, boolean pollOnly, boolean interruptOnly,
        int interruptSize, boolean onlineDischarge, String lowBatt, String onDelay, String offDelay, boolean explore) {

    static HidUpsSettings of(DriverSetup setup) {
        Map<String, String> match = new HashMap<>();
        for (String o : UsbMatcher.OPTIONS) {
            if (setup.option(o) != null) {
                match.put(o, setup.option(o));
            }
        }
        int pollFreq = positive(setup.option("pollfreq"), "pollfreq", 30);
        int interruptSize = positive(setup.option("interruptsize"), "interruptsize", 0);
        if (setup.flag("explore") && setup.option("vendorid") == null) {
            throw new IllegalArgumentException("must specify \"vendorid\" when using \"explore\"");
        }
        return new HidUpsSettings(new UsbMatcher(match), setup.option("productid") != null, setup.option("vendorid") != null,
                Duration.ofSeconds(pollFreq),
                setup.flag("pollonly"), setup.flag("interruptonly"), interruptSize, setup.flag("onlinedischarge"),
                number(setup.option("lowbatt")), number(setup.option("ondelay")), number(setup.option("offdelay")), setup.flag("explore"));
    }

    private static int positive(String v, String name, int dflt) {
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid " + name + ": " + v);
    }

    /** A number as NUT publishes it (strtol). */
    private static String number(String v) {
        return v == null ? null : Long.toString(org.knut.core.text.CNumbers.strtolAnyBase(v));
    }
}
