package org.knut.driver.usbhid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.knut.driver.hid.HidHex;
import org.knut.driver.hid.ReportCodec;
import org.knut.driver.hid.ReportDescriptor;
import org.knut.driver.hid.ReportDescriptorParser;
import org.knut.driver.hid.UsageNames;
import org.knut.driver.spi.DriverException;

/**
 * The real descriptor and recorded reports of the unidentified UPS 5131:2007 (NUT issue #3227), which
 * no vendor table claims: explore mode lists its paths and values as NUT's usbhid-ups logged them, the
 * decoded values are those the reporter decoded by hand, and the generic table runs it.
 */
class Unknown5131Test {
    /** Feature report 0x0b as the NUT -DDD log shows it ("Report[buf]: (23 bytes) => 0b 31 05 ..."). */
    static final byte[] FEATURE = HidHex.bytes("0b 31 05 90 01 00 28 00 00 04 00 00 01 00 00 dc 00 90 01 00 90 01 00");
    /** Input report 0x0b as the reporter posted it. */
    static final byte[] INPUT = HidHex.bytes("0b 90 01 00 00 00 01");

    private static SimulatedHidDevice device() throws Exception {
        return Simulation.load("unknown-5131-2007.sim").featureReport(FEATURE);
    }

    @Test
    void decodedFeatureValuesAreThoseTheReporterDecodedByHand() throws Exception {
        SimulatedHidDevice d = device();
        ReportDescriptor desc = ReportDescriptorParser.parse(d.reportDescriptor());
        // "parsedData = (reportId: 11, powerSummaryId: 1, flowId: 3, batteryPresent: 1, capacityMode: 0, rechargeable: 1,
        //  designCapacity: 400, warningCapacityLimit: 40, capacityGranularity1: 4, capacityGranularity2: 1, configVoltage: 220,
        //  fullChargeCapacity: 400, ramainingCapacity: 400)"
        Map<String, Long> reporter = Map.ofEntries(Map.entry("UPS.PowerSummary.PowerSummaryID", 1L), Map.entry("UPS.PowerSummary.FlowID", 3L),
                Map.entry("UPS.PowerSummary.BatteryPresent", 1L), Map.entry("UPS.PowerSummary.CapacityMode", 0L),
                Map.entry("UPS.PowerSummary.Rechargeable", 1L), Map.entry("UPS.PowerSummary.DesignCapacity", 400L),
                Map.entry("UPS.PowerSummary.WarningCapacityLimit", 40L), Map.entry("UPS.PowerSummary.CapacityGranularity1", 4L),
                Map.entry("UPS.PowerSummary.CapacityGranularity2", 1L), Map.entry("UPS.PowerSummary.ConfigVoltage", 220L),
                Map.entry("UPS.PowerSummary.FullChargeCapacity", 400L), Map.entry("UPS.PowerSummary.RemainingCapacity", 400L));
        reporter.forEach((path, value) -> assertEquals(value, ReportCodec.extract(FEATURE,
                desc.find(UsageNames.standard().parse(path), org.knut.driver.hid.ReportType.FEATURE)), path));
    }

    @Test
    void exploreListsEveryPathWithItsValueAsNutLoggedThem() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                Object[] p = r.getParameters();
                logged.add(p == null || p.length == 0 ? String.valueOf(r.getMessage()) : String.format(r.getMessage(), p));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(HidUpsDriver.class.getName());
        log.addHandler(capture);
        try (HidUpsHarness h = new HidUpsHarness(device(), Map.of("vendorid", "5131"), Set.of("explore")).start()) {
            assertEquals("EXPLORE HID 0.2", h.value("driver.version.data"), "explore claims a device no table knows");
            assertEquals("5131", h.value("ups.vendorid"));
        } finally {
            log.removeHandler(capture);
        }
        String all = String.join("\n", logged);
        // lines of the NUT 2.8 log for this device
        for (String nut : List.of("Path: UPS.PowerSummary.CapacityGranularity1, Type: Feature, ReportID: 0x0b, Offset: 64, Size: 24, Value: 4",
                "Path: UPS.PowerSummary.CapacityGranularity2, Type: Feature, ReportID: 0x0b, Offset: 88, Size: 24, Value: 1")) {
            assertTrue(all.contains(nut), nut + " in\n" + all);
        }
        ReportDescriptor desc = ReportDescriptorParser.parse(device().reportDescriptor());
        assertEquals(desc.fields().size(), logged.stream().filter(l -> l.contains("Path: ")).count(), "one line per field");
        assertTrue(all.contains("Path: UPS.PowerSummary.ConfigVoltage, Type: Feature, ReportID: 0x0b, Offset: 112, Size: 16, Value: 2.2"),
                "220 at unit exponent 5 on volts (base 7): NUT reads 2.2");
    }

    @Test
    void withoutExploreOrVendoridNoTableTakesIt() throws Exception {
        DriverException e = assertThrows(DriverException.class,
                () -> new HidUpsHarness(device(), Map.of("productid", "2007"), Set.of()).start());
        assertEquals("No matching HID UPS found", e.getMessage());
    }

    @Test
    void theGenericTableNeedsInterruptonlyBecauseTheStatusIsInInputReportsOnly() throws Exception {
        DriverException e = assertThrows(DriverException.class,
                () -> new HidUpsHarness(device(), Map.of("vendorid", "5131"), Set.of()).start());
        assertEquals("the generic table finds no ACPresent feature on 5131:2007; if the device reports its status only in input reports,"
                + " try 'interruptonly'", e.getMessage());
        SimulatedHidDevice d = device();
        d.interruptBytes(INPUT);
        try (HidUpsHarness h = new HidUpsHarness(d, Map.of("vendorid", "5131"), Set.of("interruptonly")).start()) {
            assertEquals("knut generic HID 0.1", h.value("driver.version.data"));
            assertEquals("OL", h.value("ups.status"), "input report: ACPresent 1, not charging or discharging");
            assertEquals("400", h.value("battery.charge"), "RemainingCapacity as reported (CapacityMode 0: not a percentage)");
            assertEquals("0", h.value("battery.runtime"));
            d.interruptBytes(HidHex.bytes("0b 2c 01 00 58 02 02")); // on battery: 300 left, 600 s, only the Discharging bit
            h.poll();
            assertEquals("OB DISCHRG", h.value("ups.status"));
            assertEquals("300", h.value("battery.charge"));
            assertEquals("600", h.value("battery.runtime"));
        }
    }
}
