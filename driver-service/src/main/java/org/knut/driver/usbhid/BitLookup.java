package org.knut.driver.usbhid;

/**
 * A status flag from some bits of a value ({@code bits <name> <hex mask> <text when set> <text when clear>}
 * in a table), as NUT's Belkin conversions read the bit fields of BELKINPowerStatus and
 * BELKINBatteryStatus; mask {@code nonzero} tests the whole value against 0, so a flag reported with a
 * broken exponent (1e-7 instead of 1, as on some Liebert units) still counts as set.
 */
record BitLookup(String name, long mask, String set, String clear) implements Lookup {
    /** The mask that means "any value but 0". */
    static final long NONZERO = 0;

    @Override
    public String toNut(double value, Context device) {
        boolean on = mask == NONZERO ? value != 0 : ((long) value & mask) != 0;
        return on ? set : clear;
    }

    @Override
    public Double toHid(String text) {
        return null;
    }
}
