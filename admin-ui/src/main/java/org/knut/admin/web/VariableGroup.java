package org.knut.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The variables under one first name part ({@code battery}, {@code device}, ...), as upsstats's tree groups them. */
public record VariableGroup(String name, List<Map.Entry<String, String>> variables) {
    public static List<VariableGroup> of(Map<String, String> variables) {
        Map<String, List<Map.Entry<String, String>>> groups = new TreeMap<>();
        new TreeMap<>(variables).forEach((k, v) -> {
            int dot = k.indexOf('.');
            groups.computeIfAbsent(dot < 0 ? k : k.substring(0, dot), g -> new ArrayList<>()).add(Map.entry(k, v));
        });
        List<VariableGroup> out = new ArrayList<>();
        groups.forEach((g, vars) -> out.add(new VariableGroup(g, vars)));
        return out;
    }
}
