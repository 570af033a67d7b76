package org.knut.driver.hid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knut.core.testing.SharedDir;

class ReportCodecTest {

    /** NUT's own value extraction vectors (tests/getvaluetest.c): bytes | offset | size | LogMin | LogMax | value. */
    static Stream<Arguments> nutVectors() throws IOException {
        return Files.readAllLines(SharedDir.resolve("testdata/hid/nut-getvaluetest-vectors.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\\|"))
                .map(c -> Arguments.of(c[0].trim(), Integer.parseInt(c[1].trim()), Integer.parseInt(c[2].trim()),
                        Long.parseLong(c[3].trim()), Long.parseLong(c[4].trim()), Long.parseLong(c[5].trim())));
    }

    @ParameterizedTest(name = "{0} offset {1} size {2} [{3}..{4}] -> {5}")
    @MethodSource("nutVectors")
    void extractsAsNutDoes(String bytes, int offset, int size, long logMin, long logMax, long expected) {
        assertEquals(expected, ReportCodec.extract(HidHex.bytes(bytes), offset, size, logMin, logMax));
    }

    @Test
    void vectorFileHasAllTwentyVectors() throws IOException {
        assertEquals(20, nutVectors().count());
    }

    @ParameterizedTest(name = "{0} offset {1} size {2} [{3}..{4}] -> {5}")
    @MethodSource("nutVectors")
    void insertWritesBackWhatExtractRead(String bytes, int offset, int size, long logMin, long logMax, long expected) {
        byte[] report = HidHex.bytes(bytes);
        byte[] copy = report.clone();
        ReportCodec.insert(copy, offset, size, ReportCodec.extract(report, offset, size, logMin, logMax));
        // values inside the range come back bit for bit; clamped or masked ones decode the same again
        assertEquals(expected, ReportCodec.extract(copy, offset, size, logMin, logMax));
    }

    @Test
    void nutsCommandLineExample() {
        assertEquals(3345, ReportCodec.extract(HidHex.bytes("0c 64 11 0d"), 8, 16, 0, 65535));
    }

    @Test
    void insertTouchesOnlyItsBitsAndNeverWritesPastTheBuffer() {
        byte[] r = HidHex.bytes("07 ff 00");
        ReportCodec.insert(r, 4, 8, 0x5a);
        assertArrayEquals(HidHex.bytes("07 af 05"), r);
        ReportCodec.insert(r, 12, 32, -1);
        assertArrayEquals(HidHex.bytes("07 af f5"), r);
    }

    @Test
    void shortReportsReadZeroBits() {
        assertEquals(1, ReportCodec.extract(HidHex.bytes("0c 01"), 0, 16, 0, 65535));
    }

    private static HidField field(long logMin, long logMax, Long phyMin, Long phyMax, long unit, int exp) {
        return new HidField(new HidPath(0x840030), ReportType.FEATURE, 1, 0, 16, logMin, logMax, phyMin, phyMax, unit, exp, 2);
    }

    @Test
    void voltsCountTheirExponentFromSeven() {
        HidField volts = field(0, 65535, null, null, 0x00F0D121L, 5); // APC ConfigVoltage: exponent 5 = 1/100 V
        assertEquals(230.0, ReportCodec.toPhysical(volts, 23000), 1e-9);
        assertEquals(23000, ReportCodec.toLogical(volts, 230.0));
        HidField seconds = field(0, 65535, null, null, 0x1001, 0);
        assertEquals(2565.0, ReportCodec.toPhysical(seconds, 2565));
        HidField unitless = field(0, 255, null, null, 0, -1); // divide by ten
        assertEquals(13.6, ReportCodec.toPhysical(unitless, 136), 1e-9);
        HidField negativeNibble = field(0, 255, null, null, 0, 2);
        assertEquals(1200.0, ReportCodec.toPhysical(negativeNibble, 12));
    }

    @Test
    void physicalRangeScalesAndClamps() {
        HidField f = field(0, 255, 0L, 510L, 0, 0);
        assertEquals(200.0, ReportCodec.toPhysical(f, 100));
        assertEquals(100, ReportCodec.toLogical(f, 200.0));
        assertEquals(255, ReportCodec.toLogical(f, 5000.0));
        HidField noRange = field(0, 255, 0L, 0L, 0, 0); // both 0: physical = logical
        assertEquals(77.0, ReportCodec.toPhysical(noRange, 77));
    }

    @Test
    void exponentIsComputedAsNutDoes() {
        assertEquals(0.1 * 0.1, ReportCodec.exponent(-2));
        assertEquals(1000.0, ReportCodec.exponent(3));
    }
}
