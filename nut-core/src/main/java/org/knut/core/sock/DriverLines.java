package org.knut.core.sock;

import static org.knut.core.protocol.NutTokenizer.quote;
import static org.knut.core.protocol.NutTokenizer.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;

/**
 * Writes the lines a driver sends on NUT's driver socket (no trailing newline), and the full dump it
 * answers to {@code DUMPALL}.
 */
public final class DriverLines {
    private DriverLines() {
    }

    public static String setInfo(String var, String value) {
        return "SETINFO " + word(var) + " " + quote(value);
    }

    public static String delInfo(String var) {
        return "DELINFO " + word(var);
    }

    public static String setFlags(String var, Set<VarFlag> flags) {
        StringBuilder sb = new StringBuilder("SETFLAGS ").append(word(var));
        for (VarFlag f : flags) {
            sb.append(' ').append(f.name());
        }
        return sb.toString();
    }

    public static String setAux(String var, int aux) {
        return "SETAUX " + word(var) + " " + aux;
    }

    public static String addEnum(String var, String value) {
        return "ADDENUM " + word(var) + " " + quote(value);
    }

    public static String delEnum(String var, String value) {
        return "DELENUM " + word(var) + " " + quote(value);
    }

    public static String addRange(String var, Range r) {
        return "ADDRANGE " + word(var) + " " + word(r.min()) + " " + word(r.max());
    }

    public static String delRange(String var, Range r) {
        return "DELRANGE " + word(var) + " " + word(r.min()) + " " + word(r.max());
    }

    public static String addCmd(String cmd) {
        return "ADDCMD " + word(cmd);
    }

    public static String delCmd(String cmd) {
        return "DELCMD " + word(cmd);
    }

    public static String tracking(String id, int status) {
        return "TRACKING " + word(id) + " " + status;
    }

    /** Everything a driver says in answer to DUMPALL, ending with DATAOK/DATASTALE and DUMPDONE. */
    public static List<String> dumpAll(UpsState state) {
        List<String> out = new ArrayList<>();
        for (Variable v : state.variables()) {
            out.add(setInfo(v.name(), v.value()));
            if (!v.flags().isEmpty()) {
                out.add(setFlags(v.name(), v.flags()));
            }
            if (v.aux() != 0) {
                out.add(setAux(v.name(), v.aux()));
            }
            for (String e : v.enums()) {
                out.add(addEnum(v.name(), e));
            }
            for (Range r : v.ranges()) {
                out.add(addRange(v.name(), r));
            }
        }
        for (String c : state.commands()) {
            out.add(addCmd(c));
        }
        out.add(state.dataOk() ? "DATAOK" : "DATASTALE");
        out.add("DUMPDONE");
        return out;
    }
}
