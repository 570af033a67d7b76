package org.knut.driver.usbhid;

import org.knut.core.text.CNumbers;

/**
 * A value times the factor the device's USB id gives it ({@code scale <name> <digits>} with
 * {@code quirk <quirk> <name>=<factor>} and {@code usb <vid> <pid> <quirk>} in a table): NUT's Tripp Lite
 * conversions correct report descriptors that state the wrong exponent for some products this way.
 */
record ScaleLookup(String name, int digits) implements Lookup {
    @Override
    public String toNut(double value, Context device) {
        return CNumbers.fixed(value * device.factor(name), digits);
    }

    @Override
    public Double toHid(String text) {
        return null;
    }
}
