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
 * detect (or refuse) the device alike and publish the same variables with the same values, except
 * these, where each side's value is checked ({@link #DIFFERENCES}):
 * <ul>
 * <li>{@code driver.version}, {@code driver.version.internal}: ours name knut;</li>
 * <li>cyberpower {@code ups.status}: NUT 2.8.0's CyberPower power-status table starts with a "NULL"
 * entry that ends every lookup, so its ups.status is always empty; ours reads OL, OB...;</li>
 * <li>APC {@code ups.delay.shutdown}/{@code ups.delay.start}: NUT 2.8.0's table gives these TimeTicks
 * rows the string length 3 as multiplier, so it publishes (and writes) three times the delay; ours
 * publishes seconds;</li>
 * <li>3-phase bypass rows on a 1-phase bypass ({@code input.bypass.L1-N.voltage}...): NUT 2.8.0 checks
 * the bypass rows against the input phase flags, so it never filters them; ours does;</li>
 * <li>Raritan {@code outlet.N.id}: NUT 2.8.0 numbers the rows of a template without OID from -1, so it
 * publishes {@code outlet.-1.id} to {@code outlet.2.id} for outlets 0 to 3; ours numbers them as the
 * outlets.</li>
 * </ul>
 * Of the shared real-device walks NUT 2.8.0 detects only cyberpower, with {@code mibs=auto} and with
 * every MIB name: eatonups lacks the XUPS model OID, riello the RFC 1628 upsIdentModel, netagent2 the
 * PPC model OID that the tables test. Ours refuses them alike, with the same message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealSnmpUpsDifferentialTest {
    private static final Set<String> ALWAYS = Set.of("driver.version", "driver.version.internal");
    /** Where we differ on purpose: per recording, each variable's value in NUT's dump and in ours (null: absent). */
    private static final Map<String, List<Difference>> DIFFERENCES = Map.of(
            "cyberpower", List.of(new Difference("ups.status", "", "OL")),
            // the recording's start delay is 0, which both publish alike
            "apc-smartups", List.of(new Difference("ups.delay.shutdown", "270", "90"), new Difference("ups.delay.start", "0", "0")),
            "ietf-ups", List.of(new Difference("input.bypass.L1-N.voltage", "230", null)),
            "socomec-netvision", List.of(new Difference("input.bypass.L1-N.voltage", "229.70", null),
                    new Difference("input.bypass.L2-N.voltage", "229.70", null), new Difference("input.bypass.L3-N.voltage", "229.70", null),
                    new Difference("input.bypass.L1.current", "4.30", null), new Difference("input.bypass.L2.current", "4.30", null),
                    new Difference("input.bypass.L3.current", "4.30", null)),
            "raritan-px", List.of(new Difference("outlet.-1.id", "-1", null), new Difference("outlet.3.id", null, "3")));

    private record Difference(String variable, String real, String ours) {
    }

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
        for (String c : List.of("apc-smartups", "ietf-ups", "cyberpower", "raritan-px")) {
            tests.add(DynamicTest.dynamicTest(c + " v1 auto", () -> compare(c, "community=" + c, "mibs=auto")));
        }
        tests.add(DynamicTest.dynamicTest("apc-smartups v2c mibs=apcc", () -> compare("apc-smartups", "community=apc-smartups",
                "snmp_version=v2c", "mibs=apcc")));
        tests.add(DynamicTest.dynamicTest("ietf-ups v2c mibs=ietf", () -> compare("ietf-ups", "community=ietf-ups",
                "snmp_version=v2c", "mibs=ietf")));
        tests.add(DynamicTest.dynamicTest("riello mibs=ietf (no upsIdentModel)", () -> compare("riello", "community=riello",
                "snmp_version=v2c", "mibs=ietf")));
        tests.add(DynamicTest.dynamicTest("eatonups mibs=pw (no xupsIdentModel)", () -> compare("eatonups", "community=eatonups",
                "snmp_version=v2c", "mibs=pw")));
        tests.add(DynamicTest.dynamicTest("netagent2 mibs=xppc (no PPC model)", () -> compare("netagent2", "community=netagent2",
                "snmp_version=v2c", "mibs=xppc")));
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
        for (Difference d : DIFFERENCES.getOrDefault(community, List.of())) {
            allowed.add(d.variable());
            assertEquals(d.real(), value(real.lines(), d.variable()), "real snmp-ups's " + d.variable());
            assertEquals(d.ours(), value(ours.lines(), d.variable()), "our " + d.variable());
        }
        TreeSet<String> onlyReal = comparable(real.lines(), allowed);
        TreeSet<String> onlyOurs = comparable(ours.lines(), allowed);
        onlyReal.removeAll(comparable(ours.lines(), allowed));
        onlyOurs.removeAll(comparable(real.lines(), allowed));
        assertEquals("", (onlyReal.isEmpty() ? "" : "only real snmp-ups: " + onlyReal)
                + (onlyOurs.isEmpty() ? "" : " only ours: " + onlyOurs), "variables beyond the allowed differences " + allowed);
        assertTrue(ours.lines().size() > 15, "a real dump: " + ours.lines());
    }

    /** The value of {@code var} in a dump ("" for an empty one), or null. */
    private static String value(List<String> lines, String var) {
        for (String l : lines) {
            if (l.startsWith(var + ":")) {
                return l.substring(var.length() + 1).strip();
            }
        }
        return null;
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
