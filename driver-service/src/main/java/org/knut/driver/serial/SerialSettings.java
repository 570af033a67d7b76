package org.knut.driver.serial;

/**
 * How to open a serial port.
 *
 * @param path the device as written in ups.conf's {@code port} ({@code /dev/ttyS0}; a symbolic link is
 *        followed to the real device)
 * @param baud line speed
 * @param dataBits 5 to 8
 * @param parity parity
 * @param stopBits 1 or 2
 * @param lock take NUT's exclusive lock on the device (false with ups.conf's {@code nolock})
 * @param keepLinesOnClose leave DTR and RTS as they are when the port closes (no HUPCL), so that a
 *        contact-closure shutdown signal outlives the driver, as NUT's genericups does
 */
public record SerialSettings(String path, int baud, int dataBits, Parity parity, int stopBits, boolean lock,
        boolean keepLinesOnClose) {

    /** 8 data bits, no parity, 1 stop bit: what every NUT serial driver uses. */
    public static SerialSettings eightN1(String path, int baud, boolean lock) {
        return new SerialSettings(path, baud, 8, Parity.NONE, 1, lock, false);
    }

    /** The same settings, but the outputs stay as they are when the port closes. */
    public SerialSettings keepingLinesOnClose() {
        return new SerialSettings(path, baud, dataBits, parity, stopBits, lock, true);
    }
}
