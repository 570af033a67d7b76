package org.knut.driver.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.SharedDir;

/**
 * Our snmp-ups against Debian's real one (NUT 2.8.0), both in dump mode against the same snmpsim agent,
 * for every recording: the shared real-device walks and our own recordings of each MIB. Both must
 * detect (or refuse) the device alike and publish the same variables with the same values, except:
 * <ul>
 * <li>{@code driver.version}, {@code driver.version.internal}: ours name knut;</li>
 * <li>cyberpower {@code ups.status}: NUT 2.8.0's CyberPower power-status table starts with a "NULL"
 * entry that ends every lookup, so its ups.status is always empty; ours reads OL, OB...;</li>
 * <li>APC {@code ups.delay.shutdown}/{@code ups.delay.start}: NUT 2.8.0's table gives these TimeTicks
 * rows the string length 3 as multiplier, so it publishes (and writes) three times the delay; ours
 * publishes seconds;</li>
 * <li>3-phase bypass rows on a 1-phase bypass ({@code input.bypass.L1-N.voltage}...): NUT 2.8.0 checks
 * the bypass rows against the input phase flags, so it never filters them; ours does.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealSnmpUpsDifferentialTest {
    private static final Set<String> ALWAYS = Set.of("driver.version", "driver.version.internal");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "cyberpower", Set.of("ups.status"),
            "apc-smartups", Set.of("ups.delay.shutdown", "ups.delay.start"),
            "ietf-ups", Set.of("input.bypass.L1-N.voltage"),
            "socomec-netvision", Set.of("input.bypass.L1-N.voltage", "input.bypass.L2-N.voltage", "input.bypass.L3-N.voltage",
                    "input.bypass.L1.current", "input.bypass.L2.current", "input.bypass.L3.current"));

    @TempDir
    static Path work;

    private SnmpSim sim;
    private final List<String> communities = new ArrayList<>();

    @BeforeAll
    void start() throws IOException, URISyntaxException {
        assertTrue(Files.isExecutable(SnmpDumps.REAL_SNMP_UPS), "the real snmp-ups is needed: apt-get install nut-snmp");
        List<Path> recordings = new ArrayList<>();
        for (Path dir : new Path[] {SharedDir.resolve("testdata/snmprec"),
            Path.of(getClass().getResource("/snmprec/apc-smartups.snmprec").toURI()).getParent()}) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".snmprec")).sorted().forEach(recordings::add);
            }
        }
        assertTrue(recordings.size() >= 10, "recordings: " + recordings);
        for (Path r : recordings) {
            communities.add(r.getFileName().toString().replace(".snmprec", ""));
        }
        sim = SnmpSim.start(work.resolve("sim"), recordings);
    }

    @AfterAll
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> sameVariablesAsRealSnmpUps() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String c : communities) {
            tests.add(DynamicTest.dynamicTest(c + " v2c auto", () -> compare(c, "community=" + c, "snmp_version=v2c", "mibs=auto")));
        }
        for (String c : List.of("apc-smartups", "ietf-ups", "cyberpower")) {
            tests.add(DynamicTest.dynamicTest(c + " v1 auto", () -> compare(c, "community=" + c, "mibs=auto")));
        }
        tests.add(DynamicTest.dynamicTest("apc-smartups v2c mibs=apcc", () -> compare("apc-smartups", "community=apc-smartups",
                "snmp_version=v2c", "mibs=apcc")));
        tests.add(DynamicTest.dynamicTest("ietf-ups v2c mibs=ietf", () -> compare("ietf-ups", "community=ietf-ups",
                "snmp_version=v2c", "mibs=ietf")));
        tests.add(DynamicTest.dynamicTest("riello mibs=ietf (no upsIdentModel)", () -> compare("riello", "community=riello",
                "snmp_version=v2c", "mibs=ietf")));
        tests.add(DynamicTest.dynamicTest("apc-smartups mibs=mge (wrong MIB)", () -> compare("apc-smartups",
                "community=apc-smartups", "snmp_version=v2c", "mibs=mge")));
        return tests.stream();
    }

    private void compare(String community, String... settings) throws IOException, InterruptedException {
        SnmpDumps.Dump real = SnmpDumps.real(work, sim.port(), settings);
        SnmpDumps.Dump ours = SnmpDumps.ours(work, sim.port(), settings);
        assertEquals(real.exit(), ours.exit(), "exit code; real stderr: " + real.err() + "\nour stderr: " + ours.err());
        if (real.exit() != 0) {
            String[] realErr = real.err().strip().split("\n");
            String reason = realErr[realErr.length - 1];
            assertTrue(ours.err().contains(reason), "ours should say '" + reason + "': " + ours.err());
            return;
        }
        Set<String> allowed = new TreeSet<>(ALWAYS);
        allowed.addAll(ALLOWED.getOrDefault(community, Set.of()));
        TreeSet<String> onlyReal = comparable(real.lines(), allowed);
        TreeSet<String> onlyOurs = comparable(ours.lines(), allowed);
        onlyReal.removeAll(comparable(ours.lines(), allowed));
        onlyOurs.removeAll(comparable(real.lines(), allowed));
        assertEquals("", (onlyReal.isEmpty() ? "" : "only real snmp-ups: " + onlyReal)
                + (onlyOurs.isEmpty() ? "" : " only ours: " + onlyOurs), "variables beyond the allowed differences " + allowed);
        assertTrue(ours.lines().size() > 15, "a real dump: " + ours.lines());
    }

    private static TreeSet<String> comparable(List<String> lines, Set<String> allowed) {
        TreeSet<String> out = new TreeSet<>();
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon < 0 || !allowed.contains(l.substring(0, colon))) {
                out.add(l);
            }
        }
        return out;
    }
}
