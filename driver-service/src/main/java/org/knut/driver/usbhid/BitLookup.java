package org.knut.driver.usbhid;

/**
 * A status flag from some bits of a value ({@code bits <name> <hex mask>[=<hex value>] <text when set>
 * <text when clear>} in a table), as NUT's Belkin and Powercom conversions read bit fields: set when any
 * bit of the mask is set or, with a value, when the masked bits equal it (Powercom's 0x18: 0x08 trim,
 * 0x18 boost). Mask {@code nonzero} tests the whole value against 0, so a flag reported with a broken
 * exponent (1e-7 instead of 1, as on some Liebert units) still counts as set.
 *
 * @param match the value the masked bits must have, or null for "any bit set"
 */
record BitLookup(String name, long mask, Long match, String set, String clear) implements Lookup {
    /** The mask that means "any value but 0". */
    static final long NONZERO = 0;

    @Override
    public String toNut(double value, Context device) {
        boolean on;
        if (mask == NONZERO) {
            on = value != 0;
        } else {
            long bits = (long) value & mask;
            on = match == null ? bits != 0 : bits == match;
        }
        return on ? set : clear;
    }

    @Override
    public Double toHid(String text) {
        return null;
    }
}
