package org.knut.driver.snmp;

import org.knut.core.text.CNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class MibTableParserTest {

    private static MibTable parse(String text) throws IOException {
        return MibTableParser.parse("t.mib", new StringReader(text));
    }

    @Test
    void readsRowsLookupsAndOptions() throws IOException {
        MibTable t = parse("""
                mib demo 1.0
                sysoid 1.3.6.1.4.1.99
                lookup pwr
                  2 OL
                  4 "OL BOOST"   # comment
                  1 ""
                status ups.status 128 .1.3.6.1.4.1.99.1.0 OFF lookup=pwr
                num input.voltage 0.1 1.3.6.1.4.1.99.2.0 "" neginvalid unique in1
                str ups.mfr 128 - "ACME Corp" static absent
                cmd load.off 1 .1.3.6.1.4.1.99.3.0 2
                """);
        assertEquals("demo", t.name());
        assertEquals(".1.3.6.1.4.1.99", t.sysOid());
        assertEquals(4, t.entries().size());
        MibEntry status = t.entries().get(0);
        assertEquals(EntryKind.STATUS, status.kind());
        assertEquals("OL BOOST", status.lookup().text(4));
        assertEquals("", status.lookup().text(1));
        assertNull(status.lookup().text(3));
        MibEntry v = t.find("input.voltage");
        assertEquals(0.1, v.scale());
        assertEquals(".1.3.6.1.4.1.99.2.0", v.oid());
        assertTrue(v.has(EntryFlag.NEG_INVALID) && v.has(EntryFlag.UNIQUE) && v.has(EntryFlag.INPUT_1));
        assertEquals("ACME Corp", t.find("ups.mfr").dflt());
        assertNull(t.find("ups.mfr").oid());
        assertTrue(t.find("load.off").isCommand());
    }

    @Test
    void mistakesNameTheFileAndLine() {
        for (String[] c : List.of(
                new String[] {"mib a 1\nnum x 1 1.3.6 \"\" bogus\n", "t.mib line 2: unknown option 'bogus'"},
                new String[] {"mib a 1\nnum x one 1.3.6 \"\"\n", "t.mib line 2: scale 'one' is not a number"},
                new String[] {"mib a 1\nstatus ups.status 1 1.3.6 \"\"\n", "t.mib line 2: ups.status: a status row needs a lookup"},
                new String[] {"mib a 1\nnum x 1 1.3.x \"\"\n", "t.mib line 2: '1.3.x' is not a numeric OID"},
                new String[] {"mib a 1\nnum x 1 - -\n", "t.mib line 2: x has neither an OID nor a default"},
                new String[] {"mib a 1\nnum x 1 1.3.6 \"\" lookup=nope\n", "t.mib line 2: lookup 'nope' is not defined above"},
                new String[] {"mib a 1\nfoo bar\n", "t.mib line 2: unknown directive 'foo'"},
                new String[] {"num x 1 1.3.6 \"\"\n", "t.mib line 1: no 'mib <name> <version>' line"},
                new String[] {"mib a 1\nstr x 1 1.3.6 \"abc\n", "t.mib line 2: unterminated quote"},
                new String[] {"mib a 1\nnum outlet.%i.x 1 1.3.6.%i.%i \"\"\n", "t.mib line 2: '1.3.6.%i.%i' is not a numeric OID with one %i"},
                new String[] {"mib a 1\nnum outlet.%i.x 1 1.3.6 \"\"\n", "t.mib line 2: '1.3.6' is not a numeric OID with one %i"},
                new String[] {"mib a 1\nnum x 1 1.3.6.%i \"\"\n", "t.mib line 2: '1.3.6.%i' is not a numeric OID"},
                new String[] {"mib a 1\nnum outlet.group.%i.x 1 1.3.6.%i \"\"\n",
                    "t.mib line 2: outlet.group.%i.x: a template row is named outlet.%i.<name>"})) {
            MibTableParser.BadTable e = assertThrows(MibTableParser.BadTable.class, () -> parse(c[0]), c[0]);
            assertEquals(c[1], e.getMessage());
        }
    }

    @Test
    void templateRowsAreInstantiatedPerOutlet() throws IOException {
        MibTable t = parse("mib a 1\nnum outlet.%i.current 0.001 .1.3.6.1.4.1.13742.1.2.2.1.4.%i \"\"\n"
                + "num outlet.%i.id 1 - %i static absent\nnum outlet.count 1 .1.3.6.1.4.1.13742.1.2.1.0 0\n");
        MibEntry current = t.entries().get(0);
        assertTrue(current.isTemplate());
        assertEquals("outlet.12.current", current.instance(12).name());
        assertEquals(".1.3.6.1.4.1.13742.1.2.2.1.4.12", current.instance(12).oid());
        assertEquals("3", t.entries().get(1).instance(3).dflt());
        assertFalse(t.entries().get(2).isTemplate());
    }

    @Test
    void everyShippedTableLoadsInNutsDetectionOrder() {
        List<String> names = MibCatalog.builtIn().tables().stream().map(MibTable::name).toList();
        assertEquals(List.of("apcc", "cyberpower", "mge", "netvision", "pw", "pxgx_ups", "raritan", "xppc", "tripplite", "ietf"), names);
    }

    @Test
    void numbersPrintAsSnmpUpsPrintsThem() {
        assertEquals("119.50", TableWalk.scaled(1195, 0.1));
        assertEquals("60", TableWalk.scaled(600, 0.1));
        assertEquals("2700", TableWalk.scaled(45, 60.0));
        assertEquals("-1.20", TableWalk.scaled(-12, 0.1));
        assertEquals("0.12", CNumbers.fixed(0.125, 2), "half-even on the exact binary value, as glibc");
        assertEquals(255, CNumbers.strtolAnyBase("0xff"));
        assertEquals(8, CNumbers.strtolAnyBase(" 010"));
        assertEquals(-42, CNumbers.strtolAnyBase("-42abc"));
        assertEquals(0, CNumbers.strtolAnyBase("eighty"));
    }
}
