package org.knut.admin.upsd;

/** An instant command a UPS offers, with upsd's description of it (cmdvartab). */
public record InstantCommand(String name, String description) {
}
