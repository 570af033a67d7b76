package org.knut.driver.usbhid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.knut.core.model.VarFlag;
import org.knut.core.sock.TrackingResult;
import org.knut.core.testing.SharedDir;

/**
 * The APC subdriver against a simulated Back-UPS ES whose reports hold the values NUT's real usbhid-ups
 * published for a Back-UPS ES 700 (the nut-ddl dump): we must publish the same variables and values.
 */
class ApcBackUpsEsTest {
    private static final String DUMP = "testdata/nut-ddl/APC__Back-UPS_ES_700__usbhid-ups__2.6.5__01.dev";

    private static Map<String, String> dump() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(SharedDir.resolve(DUMP))) {
            int colon = line.indexOf(": ");
            // device.* is copied from ups.* by the service, driver.* is the service's: both are checked in HidUpsServiceTest
            if (line.startsWith("#") || colon < 0 || line.startsWith("driver.") || line.startsWith("device.")) {
                continue;
            }
            out.put(line.substring(0, colon), line.substring(colon + 2).trim());
        }
        return out;
    }

    private static HidUpsHarness es700() throws Exception {
        return new HidUpsHarness(Simulation.load("apc-back-ups-es-700.sim"), Map.of("vendorid", "051d"), Set.of()).start();
    }

    @Test
    void publishesWhatNutsUsbhidUpsPublishedForTheBackUpsEs700() throws Exception {
        try (HidUpsHarness h = es700()) {
            Map<String, String> ours = h.values();
            ours.keySet().removeIf(k -> k.startsWith("driver."));
            assertEquals(dump(), ours);
            assertEquals("APC HID 0.98", h.value("driver.version.data"));
        }
    }

    @Test
    void writableVariablesAndCommandsAreThoseOfTheTable() throws Exception {
        try (HidUpsHarness h = es700()) {
            assertEquals(Set.of(VarFlag.RW, VarFlag.STRING), h.state.upsState().get("battery.charge.low").flags());
            assertEquals(10, h.state.upsState().get("input.transfer.low").aux());
            assertEquals(Set.of("load.off", "load.off.delay", "shutdown.stop", "shutdown.reboot", "beeper.on", "beeper.off",
                    "beeper.enable", "beeper.disable", "beeper.mute"), h.state.upsState().commands());
        }
    }

    @Test
    void setWritesTheFeatureReportThroughTheLookup() throws Exception {
        try (HidUpsHarness h = es700()) {
            assertEquals(TrackingResult.HANDLED, h.driver.setvar(h.state, "input.sensitivity", "high"));
            assertEquals(2, h.device.featureValue("UPS.Input.ff860061"));
            assertEquals(TrackingResult.HANDLED, h.driver.setvar(h.state, "input.transfer.low", "170"));
            assertEquals(170, h.device.featureValue("UPS.Input.LowVoltageTransfer"));
            h.poll(); // a SET makes the next poll a full one, semi-static rows included
            assertEquals("high", h.value("input.sensitivity"));
            assertEquals("170", h.value("input.transfer.low"));
            assertEquals(TrackingResult.UNKNOWN, h.driver.setvar(h.state, "battery.charge", "50"), "not writable");
            assertEquals(TrackingResult.HANDLED, h.driver.setvar(h.state, "ups.delay.shutdown", "60"), "kept by the driver");
            assertEquals("60", h.value("ups.delay.shutdown"));
        }
    }

    @Test
    void commandsWriteTheirValues() throws Exception {
        try (HidUpsHarness h = es700()) {
            assertEquals(TrackingResult.HANDLED, h.driver.instcmd(h.state, "beeper.enable", null));
            assertEquals(2, h.device.featureValue("UPS.PowerSummary.AudibleAlarmControl"));
            assertEquals(TrackingResult.HANDLED, h.driver.instcmd(h.state, "beeper.off", null), "old name of beeper.disable");
            assertEquals(1, h.device.featureValue("UPS.PowerSummary.AudibleAlarmControl"));
            assertEquals(TrackingResult.HANDLED, h.driver.instcmd(h.state, "load.off", null), "load.off.delay with 0");
            assertEquals(0, h.device.featureValue("UPS.ff860005.ff86007d"));
            assertEquals(TrackingResult.HANDLED, h.driver.instcmd(h.state, "load.off.delay", "45"));
            assertEquals(45, h.device.featureValue("UPS.ff860005.ff86007d"));
            assertEquals(TrackingResult.INVALID, h.driver.instcmd(h.state, "shutdown.return", null), "no load.on.delay on this model");
            assertEquals(TrackingResult.INVALID, h.driver.instcmd(h.state, "calibrate.start", null));
            h.driver.shutdown(h.state); // falls back to shutdown.reboot: APCDelayBeforeReboot = 10
            assertEquals(10, h.device.featureValue("UPS.ff860005.ff86007c"));
        }
    }

    @Test
    void powerCutThroughLowBatteryAndBack() throws Exception {
        try (HidUpsHarness h = es700()) {
            assertEquals("OL OFF", h.value("ups.status"));
            h.device.feature("UPS.PowerSummary.ff860060", 8); // APCStatusFlag: normal operation
            h.device.feature("UPS.PowerSummary.ACPresent", 0).feature("UPS.PowerSummary.Discharging", 1);
            h.poll();
            assertEquals("OB DISCHRG", h.value("ups.status"));
            h.device.feature("UPS.PowerSummary.BelowRemainingCapacityLimit", 1).feature("UPS.PowerSummary.RemainingCapacity", 8);
            h.poll();
            assertEquals("OB DISCHRG LB", h.value("ups.status"));
            assertEquals("100", h.value("battery.charge"), "battery.charge is read on full updates only (pollfreq 30 s)");
            for (int i = 0; i < 15; i++) {
                h.poll();
            }
            assertEquals("8", h.value("battery.charge"));
            h.device.feature("UPS.PowerSummary.ACPresent", 1).feature("UPS.PowerSummary.Discharging", 0)
                    .feature("UPS.PowerSummary.Charging", 1).feature("UPS.PowerSummary.BelowRemainingCapacityLimit", 0);
            h.poll();
            assertEquals("OL CHRG", h.value("ups.status"));
        }
    }

    @Test
    void interruptReportsUpdateBetweenPolls() throws Exception {
        try (HidUpsHarness h = es700()) {
            int reads = h.device.getReports();
            h.device.feature("UPS.PowerSummary.Discharging", 1).interrupt("UPS.PowerSummary.Discharging");
            h.device.feature("UPS.PowerSummary.RemainingCapacity", 97).feature("UPS.PowerSummary.RunTimeToEmpty", 1800)
                    .interrupt("UPS.PowerSummary.RemainingCapacity");
            h.driver.update(h.state); // no time passed: only the interrupt pipe and the buffered reports
            assertEquals("OL DISCHRG OFF", h.value("ups.status"));
            h.driver.update(h.state);
            assertEquals("97", h.value("battery.charge"));
            assertEquals("1800", h.value("battery.runtime"));
            assertEquals(reads, h.device.getReports(), "no GET_REPORT while the buffered reports are younger than the poll interval");
        }
    }

    @Test
    void unpluggedDeviceGoesStaleAndComesBack() throws Exception {
        try (HidUpsHarness h = es700()) {
            h.device.unplug();
            assertTrue(fails(h), "the poll after the unplug fails");
            assertTrue(fails(h), "and the next ones, while it is away");
            h.device.plugIn();
            h.device.feature("UPS.PowerSummary.ACPresent", 0);
            h.poll();
            assertEquals("OB OFF", h.value("ups.status"));
            assertEquals(2, h.bus.opens(), "opened once at start, once more when it came back");
        }
    }

    private static boolean fails(HidUpsHarness h) {
        try {
            h.poll();
            return false;
        } catch (Exception e) {
            return true;
        }
    }
}
