package org.knut.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Variables and commands come out in upsd's order: NUT's state tree compares names with strcasecmp(). */
class UpsStateOrderTest {
    @Test
    void variablesAreOrderedIgnoringCase() {
        UpsState s = new UpsState();
        for (String name : List.of("input.phases", "input.L1.current", "input.frequency", "input.bypass.L1-N.voltage")) {
            s.setInfo(name, "1");
        }
        assertEquals(List.of("input.bypass.L1-N.voltage", "input.frequency", "input.L1.current", "input.phases"),
                s.variables().stream().map(Variable::name).toList());
    }

    @Test
    void namesDifferingOnlyInCaseAreOneVariable() {
        UpsState s = new UpsState();
        s.setInfo("ups.status", "OL");
        s.setInfo("UPS.STATUS", "OB");
        assertEquals(1, s.variables().size());
        assertEquals("OB", s.value("ups.status"));
    }

    @Test
    void anySpellingFindsTheCurrentValueUntilDeleted() {
        UpsState s = new UpsState();
        s.setInfo("battery.charge", "100");
        s.setInfo("BATTERY.CHARGE", "90");
        s.setFlags("battery.charge", java.util.EnumSet.of(VarFlag.RW));
        assertEquals("90", s.value("battery.charge"));
        assertEquals("90", s.value("Battery.Charge"));
        assertEquals("battery.charge", s.get("BATTERY.charge").name());
        assertEquals(java.util.Set.of(VarFlag.RW), s.get("battery.charge").flags());
        s.delInfo("BATTERY.CHARGE");
        assertEquals(null, s.get("battery.charge"));
        assertEquals(null, s.get("BATTERY.CHARGE"));
    }

    @Test
    void commandsAreOrderedIgnoringCase() {
        UpsState s = new UpsState();
        s.addCommand("test.battery.start");
        s.addCommand("Beeper.disable");
        s.addCommand("load.off");
        assertEquals(List.of("Beeper.disable", "load.off", "test.battery.start"), List.copyOf(s.commands()));
    }
}
