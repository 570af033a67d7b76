package org.knut.core.sock;

import java.util.EnumSet;
import java.util.List;

import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;

/**
 * Applies the state-changing lines a driver sends (SETINFO, DELINFO, ADDENUM, DELENUM, ADDRANGE,
 * DELRANGE, SETAUX, SETFLAGS, ADDCMD, DELCMD, DATAOK, DATASTALE) to a {@link UpsState}.
 */
public final class DriverUpdate {
    private DriverUpdate() {
    }

    /** Result of looking at one line. */
    public enum Outcome {
        /** The line changed (or restated) the state. */
        APPLIED,
        /** A known verb that is not a state update: DUMPDONE, PONG, TRACKING, PID, OK. */
        CONTROL,
        /** Unknown verb or wrong argument count. */
        INVALID
    }

    public static Outcome apply(UpsState state, List<String> t) {
        if (t.isEmpty()) {
            return Outcome.INVALID;
        }
        int n = t.size();
        try {
            switch (t.get(0)) {
                case "SETINFO":
                    if (n != 3) return Outcome.INVALID;
                    state.setInfo(t.get(1), t.get(2));
                    return Outcome.APPLIED;
                case "DELINFO":
                    if (n != 2) return Outcome.INVALID;
                    state.delInfo(t.get(1));
                    return Outcome.APPLIED;
                case "ADDENUM":
                    if (n != 3) return Outcome.INVALID;
                    state.addEnum(t.get(1), t.get(2));
                    return Outcome.APPLIED;
                case "DELENUM":
                    if (n != 3) return Outcome.INVALID;
                    state.delEnum(t.get(1), t.get(2));
                    return Outcome.APPLIED;
                case "ADDRANGE":
                    if (n != 4) return Outcome.INVALID;
                    state.addRange(t.get(1), new Range(t.get(2), t.get(3)));
                    return Outcome.APPLIED;
                case "DELRANGE":
                    if (n != 4) return Outcome.INVALID;
                    state.delRange(t.get(1), new Range(t.get(2), t.get(3)));
                    return Outcome.APPLIED;
                case "SETAUX":
                    if (n != 3) return Outcome.INVALID;
                    state.setAux(t.get(1), Integer.parseInt(t.get(2)));
                    return Outcome.APPLIED;
                case "SETFLAGS": {
                    if (n < 2) return Outcome.INVALID;
                    EnumSet<VarFlag> flags = EnumSet.noneOf(VarFlag.class);
                    for (String f : t.subList(2, n)) {
                        VarFlag flag = VarFlag.parse(f);
                        if (flag != null) {
                            flags.add(flag);
                        }
                    }
                    state.setFlags(t.get(1), flags);
                    return Outcome.APPLIED;
                }
                case "ADDCMD":
                    if (n != 2) return Outcome.INVALID;
                    state.addCommand(t.get(1));
                    return Outcome.APPLIED;
                case "DELCMD":
                    if (n != 2) return Outcome.INVALID;
                    state.delCommand(t.get(1));
                    return Outcome.APPLIED;
                case "DATAOK":
                    state.setDataOk(true);
                    return Outcome.APPLIED;
                case "DATASTALE":
                    state.setDataOk(false);
                    return Outcome.APPLIED;
                case "DUMPDONE":
                case "PONG":
                case "TRACKING":
                case "PID":
                case "OK":
                    return Outcome.CONTROL;
                default:
                    return Outcome.INVALID;
            }
        } catch (NumberFormatException e) {
            return Outcome.INVALID;
        }
    }
}
