package org.knut.core.model;

/** Flags a driver sets on a variable with {@code SETFLAGS}. */
public enum VarFlag {
    RW, STRING, NUMBER;

    /** The flag named by a SETFLAGS token, or null for a flag we do not know (NUT ignores those). */
    public static VarFlag parse(String token) {
        for (VarFlag f : values()) {
            if (f.name().equals(token)) {
                return f;
            }
        }
        return null;
    }
}
