package org.knut.driver.usbhid;

import java.util.Set;

/**
 * One row of a subdriver table (NUT's hid_info_t): a NUT variable, {@code BOOL} (a status flag),
 * {@code ups.alarm} or an instant command, the HID path it comes from, and how to show its value.
 *
 * @param name the NUT name
 * @param path the HID path
 * @param format a printf format ({@code %.1f}) for rows without lookup; the default value of absent rows;
 *        the value an instant command writes
 * @param stringLength for writable strings, their maximum length (0: a number)
 * @param flags see {@link Flag}
 * @param lookup enumeration or conversion, or null
 * @param line where it is in its table file
 */
record HidInfo(String name, org.knut.driver.hid.HidPath path, String format, int stringLength, Set<Flag> flags, Lookup lookup, int line) {

    /** NUT's info and hid flags. */
    enum Flag {
        /** ST_FLAG_RW: clients may SET it. */
        RW,
        /** HU_FLAG_STATIC: read once, at start-up. */
        STATIC,
        /** HU_FLAG_SEMI_STATIC: read again only after a SET or an instant command. */
        SEMISTATIC,
        /** HU_FLAG_ABSENT: published with the default when the device has the path; not read. */
        ABSENT,
        /** HU_FLAG_QUICK_POLL: read on every poll, not only on full updates. */
        QUICK,
        /** HU_TYPE_CMD: an instant command. */
        CMD,
        /** HU_FLAG_ENUM: a writable row offers its lookup's texts. */
        ENUM
    }

    boolean has(Flag f) {
        return flags.contains(f);
    }

    boolean isStatus() {
        return name.equals("BOOL");
    }

    boolean isAlarm() {
        return name.startsWith("ups.alarm");
    }
}
