package org.knut.driver.snmp;

/** What a MIB table row publishes. */
enum EntryKind {
    /** A variable read as text ({@code ST_FLAG_STRING} in NUT): strings, raw integers, lookups. */
    STRING("str"),
    /** A number scaled by the row's multiplier, or a lookup. */
    NUMBER("num"),
    /** A contribution to {@code ups.status}: the integer value looked up to status tokens. */
    STATUS("status"),
    /** A contribution to {@code ups.alarm}: the integer value looked up to alarm text. */
    ALARM("alarm"),
    /** An instant command: an SNMP SET of the row's default (or the command's parameter). */
    COMMAND("cmd");

    private final String word;

    EntryKind(String word) {
        this.word = word;
    }

    static EntryKind of(String word) {
        for (EntryKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
