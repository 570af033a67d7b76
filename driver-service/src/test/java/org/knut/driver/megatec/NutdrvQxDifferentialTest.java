package org.knut.driver.megatec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.driver.megatec.MegatecSimulator.Power;
import org.knut.driver.serial.DeviceSimulator;
import org.knut.driver.serial.PtyPair;
import org.knut.driver.testing.Closer;
import org.knut.driver.testing.DumpModes;
import org.knut.driver.testing.SerialDrivers;

/**
 * Our nutdrv_qx against Debian's real one (NUT 2.8.0), both in dump mode on the same simulated UPS,
 * one after the other: the same variables with the same values, for each subdriver knut carries, found
 * by autodetection or named by {@code protocol}. {@code driver.version.data} names the subdriver, so
 * both chose the same one.
 */
class NutdrvQxDifferentialTest {
    @TempDir
    Path dir;

    private PtyPair pty;
    private DeviceSimulator sim;

    @AfterEach
    void stop() throws Exception {
        Closer.close(sim, pty);
    }

    /** Runs both drivers on a unit answering {@code statusQueries}; returns our dump. */
    private List<String> compare(Set<String> statusQueries, Consumer<MegatecSimulator> unit, String... settings) throws Exception {
        return compare(statusQueries, false, unit, settings);
    }

    private List<String> compare(Set<String> statusQueries, boolean perCellVoltage, Consumer<MegatecSimulator> unit, String... settings)
            throws Exception {
        return compareOn(end -> new MegatecSimulator(end, statusQueries, perCellVoltage, false), unit, settings);
    }

    /** Runs both drivers on a Voltronic unit of {@code protocol}; returns our dump. */
    private List<String> compareVoltronic(int protocol, Consumer<VoltronicSimulator> unit, String... settings) throws Exception {
        return compareOn(end -> new VoltronicSimulator(end, protocol), unit, settings);
    }

    /** Runs both drivers on the unit {@code make} simulates, as {@code unit} sets it; returns our dump. */
    private <S extends DeviceSimulator> List<String> compareOn(Function<Path, S> make, Consumer<S> unit, String... settings) throws Exception {
        pty = new PtyPair(dir);
        S device = make.apply(pty.deviceEnd());
        sim = device;
        unit.accept(device);
        return dumps(settings);
    }

    private List<String> dumps(String... settings) throws Exception {
        StringBuilder conf = new StringBuilder("[ups]\n\tdriver = nutdrv_qx\n\tport = " + pty.driverEnd() + "\n\tpollinterval = 1\n");
        for (String s : settings) {
            conf.append('\t').append(s).append('\n');
        }
        Files.writeString(dir.resolve("ups.conf"), conf);
        List<String> real = DumpModes.real("nutdrv_qx", dir, "ups");
        List<String> ours = DumpModes.ours(SerialDrivers.REGISTRY, "nutdrv_qx", dir, "ups");
        assertEquals(real, ours);
        assertTrue(ours.size() > 15, "a real dump: " + ours);
        return ours;
    }

    @Test
    void voltronicOnlineIsFoundFirst() throws Exception {
        List<String> ours = compareVoltronic(1, s -> s.power(Power.ONLINE));
        assertTrue(ours.containsAll(List.of("ups.firmware.aux: P01", "ups.type: online", "ups.status: OL")), ours.toString());
    }

    @Test
    void voltronicLowBattery() throws Exception {
        compareVoltronic(1, s -> s.power(Power.LOW_BATTERY));
    }

    @Test
    void voltronicBoostNamed() throws Exception {
        List<String> ours = compareVoltronic(3, s -> s.power(Power.BOOST), "protocol = voltronic", "ondelay = 0", "offdelay = 3000");
        assertTrue(ours.contains("ups.status: OL BOOST"), ours.toString());
    }

    /** Bit 2 with the output at the input's voltage: bypass on P01, the AVR alarm (not in dump mode's status) on P00. */
    @Test
    void voltronicBypassAndAvr() throws Exception {
        List<String> p01 = compareVoltronic(1, s -> s.outputEqualsInput(true));
        assertTrue(p01.contains("ups.status: OL BYPASS"), p01.toString());
        stop();
        List<String> p00 = compareVoltronic(0, s -> s.outputEqualsInput(true));
        assertTrue(p00.contains("ups.status: OL"), p00.toString());
    }

    @Test
    void megatecOnlineIsFoundByAutodetection() throws Exception {
        List<String> ours = compare(Set.of("Q1"), s -> s.power(Power.ONLINE));
        assertTrue(ours.contains("device.mfr: KNUT SIM"), ours.toString());
    }

    @Test
    void megatecOnBattery() throws Exception {
        compare(Set.of("Q1"), s -> s.power(Power.ON_BATTERY));
    }

    @Test
    void megatecLowBatteryWithAFailedSelfTest() throws Exception {
        compare(Set.of("Q1"), s -> {
            s.power(Power.LOW_BATTERY);
            s.failed(true);
        });
    }

    @Test
    void boostWithDelaysAndVoltagesFromUpsConf() throws Exception {
        compare(Set.of("Q1"), s -> s.power(Power.BOOST), "ondelay = 130", "offdelay = 100", "default.battery.voltage.high = 27.0",
                "default.battery.voltage.low = 22.0");
    }

    @Test
    void trimWithRuntimeCalibration() throws Exception {
        compare(Set.of("Q1"), s -> s.power(Power.TRIM), "runtimecal = 240,100,720,50", "chargetime = 28800", "idleload = 5");
    }

    /** The charge at start is taken before the pack count is known (0 here), as nutdrv_qx does. */
    @Test
    void perCellBatteryVoltage() throws Exception {
        List<String> ours = compare(Set.of("Q1"), true, s -> s.power(Power.ONLINE));
        assertTrue(ours.containsAll(List.of("battery.voltage: 2.28", "battery.charge: 0")), ours.toString());
    }

    @Test
    void mustekQsUnit() throws Exception {
        compare(Set.of("QS"), s -> s.power(Power.ON_BATTERY));
    }

    @Test
    void oldDUnitWithoutRatingsOrVendorNamed() throws Exception {
        compare(Set.of("D"), s -> s.power(Power.ONLINE), "protocol = megatec/old", "norating", "novendor");
    }

    @Test
    void voltronicQsUnitSaysVToM() throws Exception {
        List<String> ours = compare(Set.of("QS"), s -> {
            s.protocolLetter("V");
            s.ratings("#220.0 003 12.00 50.0");
            s.power(Power.ONLINE);
        });
        assertTrue(ours.contains("ups.firmware.aux: PM-V"), ours.toString());
    }

    @Test
    void mecerP98UnitIsFoundByAutodetection() throws Exception {
        List<String> ours = compare(Set.of("Q1"), s -> {
            s.acknowledges(true);
            s.protocolQuery("(PI98");
            s.power(Power.ON_BATTERY);
        });
        assertTrue(ours.containsAll(List.of("ups.firmware.aux: Voltronic Power P98", "ups.status: OB")), ours.toString());
    }

    /** A unit that refuses QPI with (NAK is Mecer's too: claimed, without ups.firmware.aux. */
    @Test
    void mecerAckNakUnitIsFoundByAutodetection() throws Exception {
        List<String> ours = compare(Set.of("Q1"), s -> {
            s.acknowledges(true);
            s.power(Power.TRIM);
        });
        assertTrue(ours.contains("ups.status: OL TRIM"), ours.toString());
        assertTrue(ours.stream().noneMatch(l -> l.startsWith("ups.firmware.aux")), ours.toString());
    }

    @Test
    void mecerNamedOnAnAckNakUnitWithoutRatings() throws Exception {
        compare(Set.of("Q1"), s -> {
            s.acknowledges(true);
            s.refuse("F");
        }, "protocol = mecer");
    }

    /** A P unit: no ratings bits; the bytes include an escaped CR in the output voltage when boosting. */
    @Test
    void voltronicQsHexPUnitIsFoundByAutodetection() throws Exception {
        List<String> ours = compareOn(end -> new VoltronicQsHexSimulator(end, 'P'), s -> s.power(Power.BOOST));
        assertTrue(ours.containsAll(List.of("ups.firmware.aux: PM-P", "ups.status: OL BOOST", "output.voltage: 218.1")), ours.toString());
    }

    @Test
    void voltronicQsHexTUnitOnBatteryWithRatings() throws Exception {
        List<String> ours = compareOn(end -> new VoltronicQsHexSimulator(end, 'T'), s -> s.power(Power.ON_BATTERY));
        assertTrue(ours.containsAll(List.of("ups.firmware.aux: PM-T", "output.voltage.nominal: 230.0", "battery.voltage.nominal: 24.0")),
                ours.toString());
    }

    @Test
    void voltronicQsHexTUnitNamedLowBatteryWithDelays() throws Exception {
        compareOn(end -> new VoltronicQsHexSimulator(end, 'T'), s -> s.power(Power.LOW_BATTERY), "protocol = voltronic-qs-hex",
                "ondelay = 120", "offdelay = 42");
    }

    @Test
    void zintoUnitAnswersFwQuery() throws Exception {
        compare(Set.of("Q1"), s -> s.vendorQuery("FW?"));
    }

    @Test
    void hunnoxNamedByProtocol() throws Exception {
        compare(Set.of("Q1"), s -> s.vendorQuery("FW?"), "protocol = hunnox");
    }

    @Test
    void plainQ1UnitWithoutRatingsOrVendorFallsToQ1() throws Exception {
        compare(Set.of("Q1"), s -> {
            s.vendorQuery(null);
            s.refuse("F");
        });
    }
}
