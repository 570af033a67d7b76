package org.knut.driver.dummy;

import java.util.List;

/** One meaningful line of a dummy-ups data file ({@code .dev}/{@code .seq}). */
sealed interface DataEntry {
    int line();

    /** {@code name: value}. */
    record Assignment(int line, String name, String value) implements DataEntry {
    }

    /** {@code ups.status: OL CHRG}, published token by token as drivers set their status. */
    record Status(int line, List<String> tokens) implements DataEntry {
    }

    /** {@code TIMER <seconds>}: pause the file here. */
    record Timer(int line, int seconds) implements DataEntry {
    }
}
