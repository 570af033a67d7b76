package org.knut.driver.usbhid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knut.core.testing.SharedDir;
import org.knut.driver.hid.HidHex;
import org.knut.driver.hid.ReportCodec;
import org.knut.driver.hid.ReportDescriptor;
import org.knut.driver.hid.ReportDescriptorParser;
import org.knut.driver.hid.UsageNames;
import org.knut.driver.usb.HidIoException;

/**
 * Report bytes recorded by NUT's usbhid-ups in the issues the real descriptors of ../shared/testdata/hid
 * come from, decoded with those descriptors: each field must read as NUT logged it next to the bytes
 * ("Report[get]: ... => 0c 64 64 03" then "Path: ..., Value: 100"). The Arduino descriptor's source (the
 * library) has no recorded reports; the 5131:2007 ones are in {@link Unknown5131Test}.
 */
class RecordedReportsTest {
    /** The explore lines of the recorded reports only. */
    private static List<String> decode(String descriptorFile, Map<Integer, byte[]> reports) throws Exception {
        ReportDescriptor d = ReportDescriptorParser.parse(HidHex.read(SharedDir.resolve("testdata/hid/" + descriptorFile)));
        return HidExplorer.lines(d, UsageNames.standard(), f -> {
            byte[] r = reports.get(f.reportId());
            if (r == null) {
                throw new HidIoException("not recorded", false);
            }
            return ReportCodec.extract(r, f);
        }).stream().filter(l -> !l.endsWith("(not recorded)")).toList();
    }

    @Test
    void backUpsEs850g2AsNutLoggedItInIssue1304() throws Exception {
        // nut#1304: "Report[get]: (4 bytes) => 0c 64 64 03"; the 0x0b report holds one 8-bit field logged with value 2
        List<String> lines = decode("APC_Back-UPS-ES-850G2.PREFIX-195of1049.hid.hex",
                Map.of(0x0c, HidHex.bytes("0c 64 64 03"), 0x0b, HidHex.bytes("0b 02")));
        for (String nut : List.of("Path: UPS.PowerSummary.CapacityMode, Type: Feature, ReportID: 0x0b, Offset: 0, Size: 8, Value: 2",
                "Path: UPS.PowerSummary.RemainingCapacity, Type: Input, ReportID: 0x0c, Offset: 0, Size: 8, Value: 100",
                "Path: UPS.PowerSummary.RemainingCapacity, Type: Feature, ReportID: 0x0c, Offset: 0, Size: 8, Value: 100")) {
            assertTrue(lines.contains(nut), nut + " in " + lines);
        }
    }
}
