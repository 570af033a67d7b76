package org.knut.driver.snmp;

/** Row options of a MIB table, as NUT's snmp-ups flags (SU_FLAG_*, SU_TYPE_*, ST_FLAG_RW, phases). */
enum EntryFlag {
    /** Read once at start-up. */
    STATIC("static"),
    /** Not in the device: publish the default once. */
    ABSENT("absent"),
    /** A negative answer disables the row. */
    NEG_INVALID("neginvalid"),
    /** A zero answer disables the row. */
    ZERO_INVALID("zeroinvalid"),
    /** The first row of this name that answers disables the other rows of the same name. */
    UNIQUE("unique"),
    /** Read every {@code semistaticfreq} polls only. */
    SEMI_STATIC("semistatic"),
    /** Writable with SET. */
    RW("rw"),
    /** Written as an SNMP INTEGER. */
    INT("int"),
    /** Written as TimeTicks (seconds times 100). */
    TIME("time"),
    INPUT_1("in1"),
    INPUT_3("in3"),
    OUTPUT_1("out1"),
    OUTPUT_3("out3"),
    BYPASS_1("byp1"),
    BYPASS_3("byp3");

    private final String word;

    EntryFlag(String word) {
        this.word = word;
    }

    static EntryFlag of(String word) {
        for (EntryFlag f : values()) {
            if (f.word.equals(word)) {
                return f;
            }
        }
        return null;
    }
}
