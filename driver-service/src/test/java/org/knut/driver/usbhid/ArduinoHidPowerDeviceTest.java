package org.knut.driver.usbhid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knut.driver.hid.HidHex;
import org.knut.driver.usb.UsbDeviceInfo;

/** The arduino table on the real descriptor of the Arduino HIDPowerDevice library, with its example sketch's kind of values. */
class ArduinoHidPowerDeviceTest {

    private static SimulatedHidDevice arduino() throws Exception {
        return new SimulatedHidDevice(new UsbDeviceInfo(0x2341, 0x8036, "Arduino LLC", "Arduino Leonardo", "UPS10", "001", "004"),
                HidHex.read("arduino-HIDPowerDevice__rdesc.hex"))
                .string(4, "LiP").feature("UPS.PowerSummary.iDeviceChemistry", 4)
                .feature("UPS.PowerSummary.RemainingCapacity", 87).feature("UPS.PowerSummary.RunTimeToEmpty", 7200)
                .feature("UPS.PowerSummary.RemainingTimeLimit", 600).feature("UPS.PowerSummary.RemainingCapacityLimit", 20)
                .feature("UPS.PowerSummary.WarningCapacityLimit", 30).feature("UPS.PowerSummary.Voltage", 1230)
                .feature("UPS.PowerSummary.ConfigVoltage", 1260).feature("UPS.PowerSummary.DelayBeforeShutdown", -1)
                .feature("UPS.PowerSummary.DelayBeforeReboot", -1)
                .feature("UPS.PowerSummary.PresentStatus.ACPresent", 1).feature("UPS.PowerSummary.PresentStatus.Charging", 1)
                .feature("UPS.PowerSummary.PresentStatus.BatteryPresent", 1);
    }

    @Test
    void publishesTheTableVariablesFromTheRealDescriptor() throws Exception {
        try (HidUpsHarness h = new HidUpsHarness(arduino(), Map.of(), Set.of()).start()) {
            assertEquals("Arduino HID 0.21", h.value("driver.version.data"));
            assertEquals("LiP", h.value("battery.type"));
            assertEquals("87", h.value("battery.charge"));
            assertEquals("7200", h.value("battery.runtime"));
            assertEquals("12.30", h.value("battery.voltage"), "volts at exponent 5, printed %.2f");
            assertEquals("12.60", h.value("battery.voltage.nominal"));
            assertEquals("-1", h.value("ups.timer.shutdown"), "signed 16-bit field");
            assertEquals("20", h.value("ups.delay.shutdown"));
            assertEquals("OL CHRG", h.value("ups.status"));
            assertEquals("Arduino LLC", h.value("ups.mfr"));
            assertEquals("2341", h.value("ups.vendorid"));
            assertNull(h.value("ups.alarm"));
        }
    }

    @Test
    void fullyChargedAndDepletedHideChrgAndDischrg() throws Exception {
        try (HidUpsHarness h = new HidUpsHarness(arduino(), Map.of(), Set.of()).start()) {
            h.device.feature("UPS.PowerSummary.PresentStatus.FullyCharged", 1);
            h.poll();
            assertEquals("OL", h.value("ups.status"));
            h.device.feature("UPS.PowerSummary.PresentStatus.ACPresent", 0).feature("UPS.PowerSummary.PresentStatus.Discharging", 1)
                    .feature("UPS.PowerSummary.PresentStatus.BatteryPresent", 0);
            for (int i = 0; i < 16; i++) { // the alarm comes with the next full update
                h.poll();
            }
            assertEquals("ALARM OB DISCHRG", h.value("ups.status"));
            assertEquals("No battery installed!", h.value("ups.alarm"));
        }
    }

    @Test
    void garbageInterruptReportsAreIgnored() throws Exception {
        try (HidUpsHarness h = new HidUpsHarness(arduino(), Map.of(), Set.of()).start()) {
            h.device.interruptBytes(new byte[] {(byte) 0x99, 1, 2, 3}).interruptBytes(new byte[] {0x0c});
            h.driver.update(h.state);
            h.driver.update(h.state);
            assertEquals("87", h.value("battery.charge"));
        }
    }
}
