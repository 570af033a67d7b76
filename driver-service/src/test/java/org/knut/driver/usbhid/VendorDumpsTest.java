package org.knut.driver.usbhid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.knut.core.testing.SharedDir;

/**
 * Each vendor table against a simulated device whose reports hold what NUT's real usbhid-ups published
 * for that model (the nut-ddl dumps of ../shared/testdata): we must publish the same variables and
 * values, except the differences listed per device, each with its reason (older NUT versions, rows NUT
 * 2.8.0 has that are not carried over, values the dump did not get from the device).
 */
class VendorDumpsTest {
    /** A difference: the variable is not published by us. */
    private static final String ABSENT = null;

    private static Map<String, String> dump(String file) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(SharedDir.resolve("testdata/nut-ddl/" + file))) {
            int colon = line.indexOf(": ");
            // device.* is copied from ups.* by the service and driver.* is the service's (see ApcBackUpsEsTest)
            if (line.startsWith("#") || colon < 0 || line.startsWith("driver.") || line.startsWith("device.")) {
                continue;
            }
            out.put(line.substring(0, colon), line.substring(colon + 2).trim());
        }
        return out;
    }

    /** The dump with our documented differences applied. */
    private static Map<String, String> expected(String file, Map<String, String> differences) throws Exception {
        Map<String, String> out = dump(file);
        differences.forEach((k, v) -> {
            if (v == null) {
                out.remove(k);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Map<String, String> ours(HidUpsHarness h) {
        Map<String, String> ours = h.values();
        ours.keySet().removeIf(k -> k.startsWith("driver."));
        return ours;
    }

    private static Map<String, String> differences(Object... kv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], (String) kv[i + 1]);
        }
        return out;
    }

    private static HidUpsHarness start(String sim, Map<String, String> options) throws Exception {
        return new HidUpsHarness(Simulation.load(sim), options, Set.of()).start();
    }

    @Test
    void belkinStatusComesFromItsBitFieldsAndValuesMatchTheF6c1200Dump() throws Exception {
        try (HidUpsHarness h = start("belkin-f6c1200.sim", Map.of("vendorid", "050d"))) {
            assertEquals(expected("Belkin__Universal_UPS_F6C1200-UNV__usbhid-ups__2.2.0__01.dev", differences(
                    // NUT 2.2.0 names; 2.8.0 has ups.delay.* (the driver's delays) and ups.timer.* (the device's)
                    "ups.delay.restart", ABSENT, "ups.delay.shutdown", "20", "ups.delay.start", "30",
                    "ups.timer.start", "0", "ups.timer.shutdown", "0", "ups.timer.reboot", "0")), ours(h));
            assertEquals("Belkin/Liebert HID 0.18", h.value("driver.version.data"));

            h.device.feature("UPS.BELKINStatus.BELKINPowerStatus", 0x0001).feature("UPS.PowerSummary.Charging", 0)
                    .feature("UPS.PowerSummary.Discharging", 1);
            h.poll();
            assertEquals("OB DISCHRG", h.value("ups.status"), "bit 0 of BELKINPowerStatus: AC failure");
            h.device.feature("UPS.BELKINStatus.BELKINBatteryStatus", 0x04);
            h.poll();
            assertEquals("OB DISCHRG LB", h.value("ups.status"), "bit 2 of BELKINBatteryStatus: low battery");
            h.device.feature("UPS.BELKINStatus.BELKINPowerStatus", 0x0010).feature("UPS.BELKINStatus.BELKINBatteryStatus", 0x80)
                    .feature("UPS.PowerSummary.Discharging", 0);
            h.clock.advance(java.time.Duration.ofSeconds(30)); // overload and replace battery are read on full updates
            h.poll();
            assertEquals("ALARM OL OVER RB", h.value("ups.status"));
            assertEquals("Replace battery!", h.value("ups.alarm"));
        }
    }

    @Test
    void liebertUnitsOnTheBelkinTableAsTheGxt4Dump() throws Exception {
        try (HidUpsHarness h = start("liebert-gxt4.sim", Map.of("vendorid", "10af", "productid", "0000"))) {
            assertEquals(expected("Liebert__GXT4-1500RT120__usbhid-ups__2.8.1__01.dev", differences(
                    // overrides and defaults of that user's ups.conf, not values from the device
                    "battery.charge.low", ABSENT, "battery.charge.warning", ABSENT, "battery.voltage", ABSENT,
                    "battery.voltage.nominal", ABSENT, "input.voltage", ABSENT, "input.voltage.nominal", ABSENT,
                    // the dump lost a line break: "battery.type: PbAcbattery.voltage: 54"
                    "battery.type", "PbAc")), ours(h));
            h.device.feature("UPS.PowerSummary.PresentStatus.ACPresent", 0).feature("UPS.PowerSummary.PresentStatus.Charging", 0)
                    .feature("UPS.PowerSummary.PresentStatus.Discharging", 1)
                    .feature("UPS.PowerSummary.PresentStatus.BelowRemainingCapacityLimit", 1);
            h.poll();
            assertEquals("OB DISCHRG LB", h.value("ups.status"));
        }
    }

    @Test
    void liebertFlagsAndVoltagesWithTheBrokenExponent() {
        Map<String, Double> memory = new HashMap<>();
        Lookup.Context device = new Lookup.Context() {
            @Override
            public String string(int index) {
                return "";
            }

            @Override
            public Map<String, Double> memory() {
                return memory;
            }
        };
        Lookup line = Conversions.named("liebert_line_voltage");
        assertEquals("0.0", line.toNut(1.2e-5, device), "no correction until a value gives the exponent away");
        assertEquals("10.0", Conversions.named("liebert_config_voltage").toNut(1e-7, device), "ConfigVoltage 1e-7: factor 1e8");
        assertEquals("120.0", line.toNut(1.2e-5, device), "and line voltages 1e7 from then on");
        BitLookup online = new BitLookup("liebert_online", BitLookup.NONZERO, null, "online", "!online");
        assertEquals("online", online.toNut(1e-7, device), "a flag of 1 read as 1e-7 is still set");
        assertEquals("!online", online.toNut(0, device));
    }

    @Test
    void cyberPowerChargeAndBatteryVoltageAsTheCp1500pfclcdDump() throws Exception {
        try (HidUpsHarness h = start("cps-cp1500pfclcd.sim", Map.of("vendorid", "0764"))) {
            // output.voltage 140.0 as in the dump: this simulated descriptor does not have the mistake cps_output_voltage repairs
            assertEquals(expected("Cyber_Power_Systems__CP1500PFCLCD__usbhid-ups__2.7.4__01.dev", differences()), ours(h));
            assertEquals("CyberPower HID 0.6", h.value("driver.version.data"));
        }
    }

    @Test
    void cyberPowerScalesA0501BatteryVoltageThatReadsHalfAgainTooHigh() throws Exception {
        SimulatedHidDevice d0501 = Simulation.load("cps-cp1500pfclcd.sim");
        d0501.feature("UPS.PowerSummary.Voltage", 360).feature("UPS.PowerSummary.RemainingCapacity", 120);
        try (HidUpsHarness h = new HidUpsHarness(d0501, Map.of("vendorid", "0764"), Set.of()).start()) {
            assertEquals("24.0", h.value("battery.voltage"), "36.0 V on a 24 V battery: scaled by 2/3 (cps_battery_scale)");
            assertEquals("100", h.value("battery.charge"), "cps_battcharge caps at 100");
            h.device.feature("UPS.PowerSummary.Voltage", 270);
            h.clock.advance(java.time.Duration.ofSeconds(30));
            h.poll();
            assertEquals("18.0", h.value("battery.voltage"), "decided once, then every reading is scaled");
        }
        SimulatedHidDevice d0601 = Simulation.load("cps-cp1500pfclcd.sim", 0x0601);
        d0601.feature("UPS.PowerSummary.Voltage", 360);
        try (HidUpsHarness h = new HidUpsHarness(d0601, Map.of("vendorid", "0764"), Set.of()).start()) {
            assertEquals("36.0", h.value("battery.voltage"), "0601 has no quirk");
        }
    }

    @Test
    void cyberPower0501OutputVoltageLimitsAreRepairedAsNutDoes() throws Exception {
        try (HidUpsHarness h = start("cps-output-voltage-limits.sim", Map.of("vendorid", "0764"))) {
            assertEquals("230.0", h.value("output.voltage"), "limits repaired to 0..511");
            assertEquals("232.0", h.value("input.voltage"));
        }
        try (HidUpsHarness h = new HidUpsHarness(Simulation.load("cps-output-voltage-limits.sim", 0x0601), Map.of("vendorid", "0764"),
                Set.of()).start()) {
            assertEquals("240.0", h.value("output.voltage"), "0601 is not repaired: clamped to the transfer limits");
        }
    }

    @Test
    void apc0002InputVoltageLimitsBelowTheTransferVoltageAreRepairedAsNutDoes() throws Exception {
        try (HidUpsHarness h = start("apc-input-voltage-limits.sim", Map.of("vendorid", "051d"))) {
            assertEquals("236.0", h.value("input.voltage"), "0..2 x 280 instead of 0..200");
            assertEquals("230", h.value("input.voltage.nominal"), "maximum 255 instead of 200");
        }
        try (HidUpsHarness h = new HidUpsHarness(Simulation.load("apc-input-voltage-limits.sim", 0x0003), Map.of("vendorid", "051d"),
                Set.of()).start()) {
            assertEquals("200.0", h.value("input.voltage"), "0003 is not repaired: clamped to the declared maximum");
        }
    }

    @Test
    void trippLiteSmart1500lcdtIsCorrectedByItsQuirk() throws Exception {
        String dump = "Tripp_Lite__SMART1500LCDT__usbhid-ups__2.6.3__01.dev";
        try (HidUpsHarness h = start("tripplite-smart1500lcdt.sim", Map.of("vendorid", "09ae"))) {
            // NUT 2.8.0's smart1500lcdt_scale: frequencies x0.01, voltages x100000; 2.6.3 had no such quirk
            assertEquals(expected(dump, differences("input.frequency", "59.9", "output.frequency", "59.9", "input.voltage", "121.0",
                    "output.voltage", "120.0", "battery.voltage", "27.0", "output.current", "0.0")), ours(h));
            assertEquals("TrippLite HID 0.84", h.value("driver.version.data"));
        }
        // the same readings from a product without the quirk are published as the 2.6.3 driver did
        try (HidUpsHarness h = new HidUpsHarness(Simulation.load("tripplite-smart1500lcdt.sim", 0x3015), Map.of("vendorid", "09ae"),
                Set.of()).start()) {
            assertEquals(expected(dump, differences("ups.productid", "3015",
                    "output.current", "0.0")), ours(h)); // 2.8.0 prints currents with one decimal, 2.6.3 with two
        }
    }

    @Test
    void eatonChargerStatusAndChargingComeFromAdvancedBatteryMonitoring() throws Exception {
        try (HidUpsHarness h = start("eaton-5p650.sim", Map.of("vendorid", "0463"))) {
            assertEquals(expected("Eaton__5P_650__usbhid-ups__2.7.4__01.dev", differences(
                    // mge-hid.c rows not carried over (C conversions; see mge.hid)
                    "battery.capacity", ABSENT, "output.powerfactor", ABSENT, "output.voltage.nominal", ABSENT)), ours(h));
            h.device.feature("UPS.BatterySystem.Charger.Mode", 2).feature("UPS.PowerSummary.PresentStatus.ACPresent", 0)
                    .feature("UPS.PowerConverter.Input.[1].PresentStatus.Used", 0);
            h.clock.advance(java.time.Duration.ofSeconds(30));
            h.poll();
            assertEquals("OB DISCHRG", h.value("ups.status"));
            assertEquals("discharging", h.value("battery.charger.status"));
            // ABM switched off: the charger status goes, the PresentStatus flags count again
            h.device.feature("UPS.BatterySystem.Charger.ABMEnable", 0).feature("UPS.PowerSummary.PresentStatus.ACPresent", 1)
                    .feature("UPS.PowerConverter.Input.[1].PresentStatus.Used", 1);
            h.clock.advance(java.time.Duration.ofSeconds(30));
            h.poll();
            assertEquals("OL CHRG", h.value("ups.status"));
            assertEquals(null, h.value("battery.charger.status"));
        }
    }

    @Test
    void mgeWithoutAbmFieldsIgnoresThePresentStatusChargingFlagAsNut280Does() throws Exception {
        try (HidUpsHarness h = start("mge-pulsar-evolution-500.sim", Map.of("vendorid", "0463"))) {
            assertEquals(expected("MGE_UPS_SYSTEMS__Pulsar_Evolution_500__usbhid-ups__2.7.2__01.dev", differences(
                    "output.voltage.nominal", ABSENT, // nominal_output_voltage_info not carried over
                    "ups.status", "OL")), ours(h)); // 2.7.2 showed "OL CHRG"; 2.8.0 needs ABM disabled to read Charging
        }
    }
}
