package org.knut.driver.hid;

import java.util.Arrays;

/**
 * The usages from the application collection down to one field: each node is {@code page << 16 | id}
 * (a vendor-defined collection type adds an index node {@code 0x00ff0000 | index}, as in NUT).
 */
public final class HidPath {
    /** Node value of a collection index: {@code 0x00ff0000 | n}. */
    static final int INDEX_PAGE = 0x00ff0000;

    private final int[] nodes;

    public HidPath(int... nodes) {
        this.nodes = nodes.clone();
    }

    public int size() {
        return nodes.length;
    }

    public int node(int i) {
        return nodes[i];
    }

    /** The last node: the field's own usage. */
    public int usage() {
        return nodes[nodes.length - 1];
    }

    static boolean isIndex(int node) {
        return (node & 0xffff0000) == INDEX_PAGE;
    }

    /** The numeric form {@code 00840004.00840024.00850066}. */
    public String hex() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nodes.length; i++) {
            b.append(i > 0 ? "." : "").append(String.format("%08x", nodes[i]));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HidPath p && Arrays.equals(nodes, p.nodes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nodes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
