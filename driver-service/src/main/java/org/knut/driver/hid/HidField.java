package org.knut.driver.hid;

/**
 * One field of a report, as the descriptor declares it (NUT's HIDData_t).
 *
 * @param path the usage path
 * @param type input, output or feature
 * @param reportId the report it is in (0 when the descriptor uses no report ids)
 * @param offset bit offset in the report, after the report id byte
 * @param size bits
 * @param logMin logical minimum
 * @param logMax logical maximum
 * @param phyMin physical minimum, null when the descriptor gave none
 * @param phyMax physical maximum, null when the descriptor gave none
 * @param unit the HID unit code
 * @param unitExp the unit exponent (-8..7)
 * @param attributes the main item's data (bit 0 constant, bit 1 variable, ...)
 */
public record HidField(HidPath path, ReportType type, int reportId, int offset, int size, long logMin, long logMax, Long phyMin,
        Long phyMax, long unit, int unitExp, int attributes) {

    /** The main item says Constant: the host cannot write it. */
    public boolean isConstant() {
        return (attributes & 0x01) != 0;
    }

    /** The same field with other logical limits (for a subdriver that repairs a known firmware mistake). */
    public HidField withLogical(long min, long max) {
        return new HidField(path, type, reportId, offset, size, min, max, phyMin, phyMax, unit, unitExp, attributes);
    }
}
