package org.knut.driver.usbhid;

/**
 * Turns a HID value into NUT text and back (NUT's info_lkp_t): an enumeration from a table file, or a
 * conversion such as a date format.
 */
interface Lookup {
    /** The NUT text for a HID value, or null when there is none (the row is then skipped). */
    String toNut(double value, DeviceStrings strings);

    /** The HID value for a NUT text, or null when the text is not one of the lookup's. */
    Double toHid(String text);

    /** The texts a writable enumerated row offers (empty for conversions). */
    default java.util.List<String> texts() {
        return java.util.List.of();
    }

    /** String descriptors of the device, for rows that hold a string index. */
    interface DeviceStrings {
        String string(int index);
    }
}
