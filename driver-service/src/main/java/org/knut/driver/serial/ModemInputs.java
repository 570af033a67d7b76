package org.knut.driver.serial;

/** The modem-status lines a contact-closure UPS drives, as read at one instant (true = asserted). */
public record ModemInputs(boolean cts, boolean dcd, boolean ri, boolean dsr) {
}
