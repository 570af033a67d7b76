package org.knut.core.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.core.protocol.NutTokenizer;

/** UpsState -> DriverLines.dumpAll -> tokenizer -> DriverUpdate.apply -> UpsState gives the same state. */
class DriverRoundTripTest {

    private static UpsState richState() {
        UpsState s = new UpsState();
        s.setInfo("ups.status", "OL CHRG");
        s.setInfo("device.model", "Smart \"UPS\" 1500 # rack \\ edition");
        s.setInfo("ups.id", "");
        s.setFlags("ups.id", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        s.setAux("ups.id", 32);
        s.setInfo("input.transfer.high", "140");
        s.setFlags("input.transfer.high", EnumSet.of(VarFlag.RW, VarFlag.NUMBER));
        s.addRange("input.transfer.high", new Range("130", "150"));
        s.addRange("input.transfer.high", new Range("160", "170.5"));
        s.setInfo("output.voltage.nominal", "230");
        s.setFlags("output.voltage.nominal", EnumSet.of(VarFlag.RW));
        s.addEnum("output.voltage.nominal", "220");
        s.addEnum("output.voltage.nominal", "230");
        s.addEnum("output.voltage.nominal", "two words");
        s.addCommand("load.off");
        s.addCommand("test.battery.start.quick");
        return s;
    }

    private static void applyAll(UpsState target, List<String> lines) throws Exception {
        for (String line : lines) {
            DriverUpdate.Outcome o = DriverUpdate.apply(target, NutTokenizer.tokenize(line));
            assertTrue(o != DriverUpdate.Outcome.INVALID, "rejected: " + line);
        }
    }

    private static void assertSameState(UpsState expected, UpsState actual) {
        assertEquals(List.copyOf(expected.variables()), List.copyOf(actual.variables()));
        assertEquals(Set.copyOf(expected.commands()), Set.copyOf(actual.commands()));
        assertEquals(expected.dataOk(), actual.dataOk());
    }

    @Test
    void dumpAllAppliedToAFreshStateGivesAnEqualState() throws Exception {
        UpsState source = richState();
        UpsState copy = new UpsState();
        applyAll(copy, DriverLines.dumpAll(source));
        assertSameState(source, copy);
        assertEquals(DriverLines.dumpAll(source), DriverLines.dumpAll(copy));
    }

    @Test
    void staleDataSurvivesTheRoundTrip() throws Exception {
        UpsState source = richState();
        source.setDataOk(false);
        List<String> dump = DriverLines.dumpAll(source);
        assertEquals(List.of("DATASTALE", "DUMPDONE"), dump.subList(dump.size() - 2, dump.size()));
        UpsState copy = new UpsState();
        applyAll(copy, dump);
        assertFalse(copy.dataOk());
        assertSameState(source, copy);
    }

    @Test
    void listenersSeeExactlyTheChangeLines() throws Exception {
        UpsState source = richState();
        UpsState copy = new UpsState();
        List<String> seen = new ArrayList<>();
        copy.addListener(seen::add);
        List<String> dump = DriverLines.dumpAll(source);
        applyAll(copy, dump);
        // DATAOK restates the fresh default and DUMPDONE is control: neither changes anything
        assertEquals(dump.subList(0, dump.size() - 2), seen);
    }

    @Test
    void noEventForANoOp() throws Exception {
        UpsState s = richState();
        List<String> seen = new ArrayList<>();
        s.addListener(seen::add);
        applyAll(s, DriverLines.dumpAll(s)); // everything restated
        s.setInfo("ups.status", "OL CHRG");
        s.setFlags("ups.id", EnumSet.of(VarFlag.STRING, VarFlag.RW));
        s.setAux("ups.id", 32);
        s.addEnum("output.voltage.nominal", "220");
        s.addRange("input.transfer.high", new Range("130", "150"));
        s.addCommand("load.off");
        s.setDataOk(true);
        s.delInfo("no.such");
        s.delEnum("output.voltage.nominal", "999");
        s.delRange("input.transfer.high", new Range("1", "2"));
        s.delCommand("no.such");
        s.setFlags("no.such", EnumSet.of(VarFlag.RW));
        s.setAux("no.such", 5);
        s.addEnum("no.such", "x");
        assertEquals(List.of(), seen);
    }

    @Test
    void eachChangeIsReportedAsItsSocketLine() throws Exception {
        UpsState s = richState();
        List<String> seen = new ArrayList<>();
        s.addListener(seen::add);
        List<String> changes = List.of(
                "SETINFO ups.status \"OB LB\"",
                "DELINFO device.model",
                "SETFLAGS ups.id RW",
                "SETAUX input.transfer.high 3",
                "DELENUM output.voltage.nominal \"220\"",
                "ADDENUM output.voltage.nominal \"240\"",
                "DELRANGE input.transfer.high 160 170.5",
                "ADDRANGE input.transfer.high 1 \"2 3\"",
                "ADDCMD beeper.toggle",
                "DELCMD load.off",
                "DATASTALE",
                "DATAOK");
        applyAll(s, changes);
        assertEquals(changes, seen);
        assertEquals("OB LB", s.value("ups.status"));
        assertEquals(null, s.get("device.model"));
        assertEquals(List.of("230", "two words", "240"), s.get("output.voltage.nominal").enums());
        assertEquals(List.of(new Range("130", "150"), new Range("1", "2 3")), s.get("input.transfer.high").ranges());
        assertEquals(Set.of("beeper.toggle", "test.battery.start.quick"), Set.copyOf(s.commands()));
    }

    @Test
    void setFlagsReportsFlagsInAFixedOrderAndIgnoresUnknownOnes() throws Exception {
        UpsState s = new UpsState();
        s.setInfo("a.b", "1");
        List<String> seen = new ArrayList<>();
        s.addListener(seen::add);
        applyAll(s, List.of("SETFLAGS a.b STRING BOGUS RW"));
        assertEquals(List.of("SETFLAGS a.b RW STRING"), seen);
        assertEquals(EnumSet.of(VarFlag.RW, VarFlag.STRING), s.get("a.b").flags());
        applyAll(s, List.of("SETFLAGS a.b"));
        assertEquals(Set.of(), s.get("a.b").flags());
    }

    @Test
    void invalidAndControlLines() throws Exception {
        UpsState s = new UpsState();
        for (String bad : List.of("SETINFO only.name", "SETINFO a b c", "DELINFO", "ADDENUM a", "ADDRANGE a 1",
                "SETAUX a notanumber", "SETFLAGS", "ADDCMD", "DELCMD a b", "FROB x")) {
            assertEquals(DriverUpdate.Outcome.INVALID, DriverUpdate.apply(s, NutTokenizer.tokenize(bad)), bad);
        }
        assertEquals(DriverUpdate.Outcome.INVALID, DriverUpdate.apply(s, List.of()));
        for (String control : List.of("DUMPDONE", "PONG", "TRACKING 1234 0", "PID 42", "OK Goodbye")) {
            assertEquals(DriverUpdate.Outcome.CONTROL, DriverUpdate.apply(s, NutTokenizer.tokenize(control)), control);
        }
        assertTrue(s.variables().isEmpty());
    }

    @Test
    void linesAreQuotedOnlyWhereNeeded() {
        assertEquals("SETINFO ups.status \"OL\"", DriverLines.setInfo("ups.status", "OL"));
        assertEquals("SETINFO x \"a \\\"b\\\" \\#\"", DriverLines.setInfo("x", "a \"b\" #"));
        assertEquals("ADDRANGE x 1 \"\"", DriverLines.addRange("x", new Range("1", "")));
        assertEquals("SETFLAGS x RW STRING", DriverLines.setFlags("x", EnumSet.of(VarFlag.STRING, VarFlag.RW)));
        assertEquals("TRACKING abc-1 3", DriverLines.tracking("abc-1", 3));
    }

    @Test
    void variableOrderIsSortedByName() {
        UpsState s = new UpsState();
        s.setInfo("ups.status", "OL");
        s.setInfo("battery.charge", "100");
        s.setInfo("input.voltage", "230");
        assertEquals(List.of("battery.charge", "input.voltage", "ups.status"),
                s.variables().stream().map(Variable::name).toList());
    }
}
