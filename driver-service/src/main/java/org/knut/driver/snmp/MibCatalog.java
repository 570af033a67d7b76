package org.knut.driver.snmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MIB tables this driver knows, read from the class path: {@code snmp/mibs.list} names the table
 * files in the order {@code mibs=auto} tries them (vendor MIBs before the generic IETF one, as NUT); a
 * line may re-use a table under another name for another sysObjectID.
 */
final class MibCatalog {
    static final String INDEX = "snmp/mibs.list";

    private final List<MibTable> tables;

    MibCatalog(List<MibTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The tables shipped with the driver; a broken table file is a build error, reported with its line. */
    static MibCatalog builtIn() {
        ClassLoader cl = MibCatalog.class.getClassLoader();
        List<MibTable> tables = new ArrayList<>();
        for (String line : lines(cl, INDEX)) {
            String[] w = line.split("\\s+");
            if (w.length != 1 && w.length != 3) {
                throw new IllegalStateException(INDEX + ": '" + line + "' is not '<file>' or '<file> <name> <sysoid>'");
            }
            String path = "snmp/" + w[0];
            try (InputStream in = cl.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(INDEX + " names " + w[0] + ", which is not on the class path");
                }
                MibTable t = MibTableParser.parse(path, new InputStreamReader(in, StandardCharsets.UTF_8));
                tables.add(w.length == 1 ? t : new MibTable(w[1], t.version(), w[2], t.entries()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new MibCatalog(tables);
    }

    private static List<String> lines(ClassLoader cl, String path) {
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = l.replaceAll("#.*", "").trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table, in detection order. */
    List<MibTable> tables() {
        return tables;
    }

    /** Whether {@code mibs=name} names one of the tables. */
    boolean knows(String name) {
        return tables.stream().anyMatch(t -> t.name().equals(name));
    }
}
