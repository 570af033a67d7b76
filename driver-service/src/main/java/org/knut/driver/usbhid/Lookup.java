package org.knut.driver.usbhid;

/**
 * Turns a HID value into NUT text and back (NUT's info_lkp_t): an enumeration from a table file, or a
 * conversion such as a date format.
 */
interface Lookup {
    /** The NUT text for a HID value, or null when there is none (the row is then skipped). */
    String toNut(double value, Context device);

    /** The HID value for a NUT text, or null when the text is not one of the lookup's. */
    Double toHid(String text);

    /** The texts a writable enumerated row offers (empty for conversions). */
    default java.util.List<String> texts() {
        return java.util.List.of();
    }

    /**
     * What a conversion may know about the device it converts for (what NUT's conversion functions read
     * from globals and dstate).
     */
    interface Context {
        /** A USB string descriptor (for rows that hold a string index). */
        String string(int index);

        /** A variable the driver has published so far, or null. */
        default String published(String variable) {
            return null;
        }

        /** Removes a published variable (a conversion that withdraws what it published earlier). */
        default void withdraw(String variable) {
        }

        /** Whether the device's USB id carries that quirk ({@code usb <vid> <pid> <quirk>} in the table). */
        default boolean quirk(String name) {
            return false;
        }

        /** The factor the device's quirk gives a {@code scale} lookup (1 when none). */
        default double factor(String scale) {
            return 1;
        }

        /** The model series of the device ({@code modelname} lines of the table; "default" when none). */
        default String series() {
            return "default";
        }

        /** Whether a status flag ({@code off}, {@code online}...) is set now. */
        default boolean statusFlag(String flag) {
            return false;
        }

        /**
         * Numbers conversions learn from earlier values of this device (NUT keeps them in static variables);
         * the default keeps nothing between calls.
         */
        default java.util.Map<String, Double> memory() {
            return new java.util.HashMap<>();
        }
    }
}
