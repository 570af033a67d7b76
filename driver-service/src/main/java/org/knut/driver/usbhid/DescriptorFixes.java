package org.knut.driver.usbhid;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.knut.driver.hid.HidField;
import org.knut.driver.hid.ReportDescriptor;

/**
 * Repairs of known firmware mistakes in report descriptors (NUT's subdriver fix_report_desc), named by
 * the {@code descriptorfix <name> <vid> <pid>} lines of a table.
 */
final class DescriptorFixes {
    /** Power Device page usages the repairs look for. */
    private static final int HIGH_VOLTAGE_TRANSFER = 0x00840054;
    private static final int VOLTAGE = 0x00840030;
    private static final int CONFIG_VOLTAGE = 0x00840040;

    private static final Map<String, UnaryOperator<ReportDescriptor>> ALL = Map.of("cps_output_voltage", DescriptorFixes::cpsOutputVoltage,
            "apc_input_voltage", DescriptorFixes::apcInputVoltage);

    private DescriptorFixes() {
    }

    /** The repair of that name, or null. */
    static UnaryOperator<ReportDescriptor> named(String name) {
        return ALL.get(name);
    }

    /**
     * cps-hid.c cps_fix_report_desc: some CyberPower firmware gives the output voltage (report 18) the
     * limits of the high transfer voltage (report 16), so most readings are clamped to them; NUT then
     * reads it with limits 0..511.
     */
    private static ReportDescriptor cpsOutputVoltage(ReportDescriptor d) {
        HidField transfer = d.findByIdAndUsage(16, HIGH_VOLTAGE_TRANSFER);
        HidField output = d.findByIdAndUsage(18, VOLTAGE);
        if (transfer == null || output == null || transfer.logMin() != output.logMin() || transfer.logMax() != output.logMax()) {
            return d;
        }
        return d.with(output, f -> f.withLogical(0, 511));
    }

    /**
     * apc-hid.c apc_fix_report_desc (Back-UPS XS 1400U and others on 051d:0002): when the high transfer
     * voltage (report 0x33) may exceed the input voltage's (0x31) or the nominal input voltage's (0x30)
     * logical maximum, those limits are wrong: the input voltage is read with 0..2 x that maximum, the
     * nominal one (a single byte) with maximum 255.
     */
    private static ReportDescriptor apcInputVoltage(ReportDescriptor d) {
        HidField transfer = d.findByIdAndUsage(0x33, HIGH_VOLTAGE_TRANSFER);
        if (transfer == null) {
            return d;
        }
        ReportDescriptor out = d;
        HidField input = out.findByIdAndUsage(0x31, VOLTAGE);
        if (input != null && transfer.logMax() > input.logMax()) {
            out = out.with(input, f -> f.withLogical(0, transfer.logMax() * 2));
        }
        HidField nominal = out.findByIdAndUsage(0x30, CONFIG_VOLTAGE);
        if (nominal != null && transfer.logMax() > nominal.logMax()) {
            out = out.with(nominal, f -> f.withLogical(f.logMin(), 255));
        }
        return out;
    }
}
