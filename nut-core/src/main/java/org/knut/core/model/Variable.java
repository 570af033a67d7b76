package org.knut.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One UPS variable with everything a driver may say about it: its value, flags, the aux value (the
 * maximum length of a STRING variable), and its enumerated values and ranges. Immutable: a change
 * makes a new instance, so readers never see half an update.
 */
public record Variable(String name, String value, Set<VarFlag> flags, int aux, List<String> enums, List<Range> ranges) {

    public Variable {
        flags = flags.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        enums = List.copyOf(enums);
        ranges = List.copyOf(ranges);
    }

    public static Variable of(String name, String value) {
        return new Variable(name, value, Set.of(), 0, List.of(), List.of());
    }

    public boolean writable() {
        return flags.contains(VarFlag.RW);
    }

    public Variable withValue(String v) {
        return new Variable(name, v, flags, aux, enums, ranges);
    }

    public Variable withFlags(Set<VarFlag> f) {
        return new Variable(name, value, f, aux, enums, ranges);
    }

    public Variable withAux(int a) {
        return new Variable(name, value, flags, a, enums, ranges);
    }

    public Variable withEnum(String e, boolean add) {
        List<String> l = new ArrayList<>(enums);
        if (add && !l.contains(e)) {
            l.add(e);
        } else if (!add) {
            l.remove(e);
        }
        return new Variable(name, value, flags, aux, l, ranges);
    }

    public Variable withRange(Range r, boolean add) {
        List<Range> l = new ArrayList<>(ranges);
        if (add && !l.contains(r)) {
            l.add(r);
        } else if (!add) {
            l.remove(r);
        }
        return new Variable(name, value, flags, aux, enums, l);
    }

    /**
     * The words of a {@code TYPE} reply, as upsd builds them: RW, ENUM, RANGE when they apply, then
     * {@code STRING:n} for a string and {@code NUMBER} for anything else (upsd treats a variable without
     * a type flag as a number, also when it is RW, ENUM or RANGE).
     */
    public String typeWords() {
        StringBuilder sb = new StringBuilder();
        if (writable()) {
            sb.append("RW ");
        }
        if (!enums.isEmpty()) {
            sb.append("ENUM ");
        }
        if (!ranges.isEmpty()) {
            sb.append("RANGE ");
        }
        if (flags.contains(VarFlag.STRING)) {
            return sb.append("STRING:").append(aux).toString();
        }
        return sb.append("NUMBER").toString();
    }
}
