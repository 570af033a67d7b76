package org.knut.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** typeWords() follows upsd's get_type(): RW, ENUM, RANGE, then STRING:n or NUMBER, always one of the two. */
class VariableTest {

    private static Variable var(Set<VarFlag> flags, int aux, List<String> enums, List<Range> ranges) {
        return new Variable("x.y", "1", flags, aux, enums, ranges);
    }

    @Test
    void plainVariableIsANumber() {
        assertEquals("NUMBER", Variable.of("ups.load", "23").typeWords());
        assertEquals("NUMBER", var(EnumSet.of(VarFlag.NUMBER), 0, List.of(), List.of()).typeWords());
    }

    @Test
    void stringCarriesItsMaximumLength() {
        assertEquals("STRING:0", var(EnumSet.of(VarFlag.STRING), 0, List.of(), List.of()).typeWords());
        assertEquals("RW STRING:32", var(EnumSet.of(VarFlag.RW, VarFlag.STRING), 32, List.of(), List.of()).typeWords());
    }

    @Test
    void writableEnumAndRangeStillEndWithNumber() {
        assertEquals("RW NUMBER", var(EnumSet.of(VarFlag.RW), 0, List.of(), List.of()).typeWords());
        assertEquals("RW ENUM NUMBER", var(EnumSet.of(VarFlag.RW), 0, List.of("1", "2"), List.of()).typeWords());
        assertEquals("RW RANGE NUMBER", var(EnumSet.of(VarFlag.RW), 0, List.of(), List.of(new Range("1", "9"))).typeWords());
        assertEquals("ENUM NUMBER", var(Set.of(), 0, List.of("a"), List.of()).typeWords());
    }

    @Test
    void allTogetherInUpsdOrder() {
        assertEquals("RW ENUM RANGE STRING:8", var(EnumSet.of(VarFlag.STRING, VarFlag.RW), 8, List.of("a"),
                List.of(new Range("1", "2"))).typeWords());
    }

    @Test
    void isImmutable() {
        Variable v = var(EnumSet.of(VarFlag.RW), 0, List.of("a"), List.of());
        assertThrows(UnsupportedOperationException.class, () -> v.enums().add("b"));
        assertThrows(UnsupportedOperationException.class, () -> v.flags().add(VarFlag.STRING));
        Variable w = v.withEnum("b", true);
        assertEquals(List.of("a"), v.enums());
        assertEquals(List.of("a", "b"), w.enums());
        assertEquals(List.of("a", "b"), w.withEnum("a", true).enums(), "adding twice keeps one");
        assertEquals(List.of("b"), w.withEnum("a", false).enums());
    }

    @Test
    void rangeContainsItsBounds() {
        Range r = new Range("90", "140.5");
        assertEquals(true, r.contains("90"));
        assertEquals(true, r.contains("140.5"));
        assertEquals(false, r.contains("140.6"));
        assertEquals(false, r.contains("abc"));
    }
}
