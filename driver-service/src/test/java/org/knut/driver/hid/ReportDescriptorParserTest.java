package org.knut.driver.hid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportDescriptorParserTest {
    private static final String ARDUINO = "arduino-HIDPowerDevice__rdesc.hex";
    private static final String UNKNOWN = "Unknown-5131-2007_UPS.hid.hex";
    private static final String APC_PREFIX = "APC_Back-UPS-ES-850G2.PREFIX-195of1049.hid.hex";

    /** Our fields in the format of the .nut-items files (written by NUT 2.8.0's own parser, see their header). */
    private static List<String> items(ReportDescriptor d) {
        List<String> out = new ArrayList<>();
        for (HidField f : d.fields()) {
            out.add(String.format("%s %s 0x%02x %d %d %d %d %d %d %d %d", f.path().hex(), f.type().nutName(), f.reportId(), f.offset(),
                    f.size(), f.logMin(), f.logMax(), f.phyMin() == null ? 0 : f.phyMin(), f.phyMax() == null ? 0 : f.phyMax(), f.unit(),
                    f.unitExp()));
        }
        return out;
    }

    private static List<String> nutItems(String hexFile) throws IOException {
        String name = hexFile.replace(".hid.hex", "").replace(".hex", "") + ".nut-items";
        try (InputStream in = ReportDescriptorParserTest.class.getResourceAsStream("/hid/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ARDUINO, UNKNOWN, APC_PREFIX})
    void everyRealDescriptorGivesTheObjectsOfNutsParser(String file) throws Exception {
        ReportDescriptor d = ReportDescriptorParser.parse(HidHex.read(file));
        assertEquals(nutItems(file), items(d));
    }

    @Test
    void arduinoPathsAreNamedAsNutNamesThem() throws Exception {
        ReportDescriptor d = ReportDescriptorParser.parse(HidHex.read(ARDUINO));
        List<String> described = UsageNames.standard().describe(d);
        assertEquals(60 - 2, described.size());
        assertTrue(described.contains("Path: UPS.PowerSummary.iProduct, Type: Feature, ReportID: 0x01, Offset: 0, Size: 8"));
        assertTrue(described.contains("Path: UPS.PowerSummary.RemainingCapacity, Type: Input, ReportID: 0x0c, Offset: 0, Size: 8"));
        assertTrue(described.contains("Path: UPS.PowerSummary.PresentStatus.ACPresent, Type: Feature, ReportID: 0x07, Offset: 2, Size: 1"));
        assertTrue(described.contains("Path: UPS.PowerSummary.DelayBeforeShutdown, Type: Feature, ReportID: 0x12, Offset: 0, Size: 16"));
        assertTrue(described.contains("Path: UPS.PowerSummary.AudibleAlarmControl, Type: Input, ReportID: 0x14, Offset: 0, Size: 8"));
        assertEquals(2, d.reportLength(0x07), "PresentStatus: 14 bits and 2 of padding");
    }

    @Test
    void oneReportIdCarriesAnInputAndAFeatureLayout() throws Exception {
        ReportDescriptor d = ReportDescriptorParser.parse(HidHex.read(UNKNOWN));
        UsageNames names = UsageNames.standard();
        HidField feature = d.find(names.parse("UPS.PowerSummary.RemainingCapacity"), ReportType.FEATURE);
        HidField input = d.find(names.parse("UPS.PowerSummary.RemainingCapacity"), ReportType.INPUT);
        assertEquals(152, feature.offset());
        assertEquals(0, input.offset());
        assertEquals(24, input.size());
        assertEquals(22, d.reportLength(0x0b), "the longer (feature) layout gives the length");
        assertEquals("UPS.PowerSummary.PresentStatus.Discharging", names.format(d.inputs(0x0b).get(3).path()));
        assertEquals(0x00101001L, feature.unit(), "A*s");
    }

    @Test
    void vendorUsagesPrintAsHexUntilASubdriverNamesThem() throws Exception {
        ReportDescriptor d = ReportDescriptorParser.parse(HidHex.read(APC_PREFIX));
        HidField flag = d.fields().get(9);
        assertEquals("UPS.PowerSummary.ff860060", UsageNames.standard().format(flag.path()));
        UsageNames apc = UsageNames.withVendor(Map.of("APCStatusFlag", 0xff860060));
        assertEquals("UPS.PowerSummary.APCStatusFlag", apc.format(flag.path()));
        assertEquals(flag.path(), apc.parse("ups.powersummary.apcstatusflag"));
        assertEquals(flag.path(), apc.parse("UPS.PowerSummary.ff860060"));
    }

    @Test
    void everyPrefixOfARealDescriptorParsesOrFailsCleanly() throws Exception {
        byte[] full = HidHex.read(ARDUINO);
        List<HidField> all = ReportDescriptorParser.parse(full).fields();
        for (int n = 0; n < full.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(full, n);
            List<HidField> got;
            try {
                got = ReportDescriptorParser.parse(cut).fields();
            } catch (HidDescriptorException e) {
                assertTrue(e.getMessage().startsWith("report descriptor byte "), e.getMessage());
                got = e.partial().fields();
            }
            assertEquals(all.subList(0, got.size()), got, "prefix of " + n + " bytes");
        }
    }

    @Test
    void garbageNeverEscapesAsAnotherException() {
        Random random = new Random(8);
        int failures = 0;
        for (int i = 0; i < 20000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            try {
                ReportDescriptorParser.parse(junk);
            } catch (HidDescriptorException e) {
                failures++;
            }
        }
        assertTrue(failures > 1000, "random bytes are mostly refused: " + failures);
    }

    private static HidDescriptorException refused(String hex) {
        return assertThrows(HidDescriptorException.class, () -> ReportDescriptorParser.parse(HidHex.bytes(hex)));
    }

    @Test
    void malformedDescriptorsAreRefusedWithTheReason() {
        assertEquals("report descriptor byte 4: item 0x27 needs 4 data bytes, only 2 left", refused("05 84 09 04 27 ff ff").getMessage());
        assertEquals("report descriptor byte 0: End Collection without an open collection", refused("c0").getMessage());
        assertEquals("report descriptor byte 0: no data fields in 0 bytes", refused("").getMessage());
        assertTrue(refused("05 84 " + "09 04 a1 00 ".repeat(12)).getMessage().contains("nested deeper than 9"));
        // a report count of 2^32-1 with a few usages: refused before any work proportional to the count
        assertTrue(refused("05 84 09 30 09 31 85 01 75 08 97 ff ff ff ff b1 02").getMessage()
                .contains("Feature report 0x01 would be longer than 4096 bytes"));
        assertTrue(refused("05 84 75 00").getMessage().contains("Report Size 0 is out of range"));
        assertTrue(refused("85 00").getMessage().contains("Report ID 0 is out of range"));
        assertTrue(refused("b4").getMessage().contains("Pop without Push"));
        assertTrue(refused("a4 ".repeat(17)).getMessage().contains("more than 16 nested Push"));
        assertTrue(refused("fe 10 00 01").getMessage().contains("long item of 16 bytes runs past the end"));
        assertTrue(refused("05 84 " + "09 30 ".repeat(257)).getMessage().contains("more than 256 usages"));
        assertTrue(refused("05 84 19 30 29 20").getMessage().contains("Usage Maximum without a matching Usage Minimum"));
    }

    @Test
    void pushPopAndUsageRangesAreHonoured() throws Exception {
        // Power Device page, report 1: Push, switch to a 16-bit field, Pop back to 8 bits; usages 0x30..0x32 from a range
        ReportDescriptor d = ReportDescriptorParser.parse(HidHex.bytes(
                "05 84 09 04 a1 01 85 01 75 08 95 01 15 00 26 ff 00 a4 75 10 09 30 b1 02 b4 19 30 29 32 95 03 b1 02 c0"));
        assertEquals(List.of(16, 8, 8, 8), d.fields().stream().map(HidField::size).toList());
        assertEquals(List.of(0, 16, 24, 32), d.fields().stream().map(HidField::offset).toList());
        assertEquals("UPS.Frequency", UsageNames.standard().format(d.fields().get(3).path()));
        assertEquals(5, d.reportLength(1));
    }

    @Test
    void vendorCollectionTypesAddAnIndexNode() throws Exception {
        ReportDescriptor d = ReportDescriptorParser.parse(HidHex.bytes("05 84 09 04 a1 01 09 1a a1 81 75 08 95 01 09 30 b1 02 c0 09 31 b1 02 c0"));
        UsageNames names = UsageNames.standard();
        assertEquals("UPS.Input.[1].Voltage", names.format(d.fields().get(0).path()));
        assertEquals("UPS.Current", names.format(d.fields().get(1).path()));
        assertEquals(d.fields().get(0).path(), names.parse("UPS.Input.[1].Voltage"));
    }
}
