package org.knut.driver.dummy;

/** dummy-ups' modes, with the name it publishes as {@code driver.parameter.mode}. */
enum DummyMode {
    /** Read the file once; read it again when its modification time changes. Default for {@code *.dev}. */
    ONCE("dummy-once"),
    /** Replay the file over and over. Default for {@code *.seq}, and for {@code mode = dummy}. */
    LOOP("dummy-loop"),
    /** Like {@link #LOOP}, for file names dummy-ups cannot classify (published as plain "dummy"). */
    LOOP_UNCLASSIFIED("dummy"),
    /** Mirror a UPS of another upsd. Default when the port contains {@code @}. */
    REPEATER("repeater");

    final String published;

    DummyMode(String published) {
        this.published = published;
    }

    /**
     * Decides the mode as dummy-ups 2.8 does: an explicit {@code mode} option wins; else a port with
     * {@code @} is a repeater, {@code *.seq} loops, {@code *.dev} is read once, anything else loops.
     */
    static DummyMode resolve(String modeOption, String port) {
        if (modeOption != null) {
            switch (modeOption) {
                case "repeater":
                    return REPEATER;
                case "dummy-once":
                    return ONCE;
                case "dummy-loop":
                case "dummy":
                    return LOOP;
                default:
                    throw new IllegalArgumentException("Unsupported mode was specified: " + modeOption
                            + " (dummy-once, dummy-loop, dummy or repeater)");
            }
        }
        if (port.indexOf('@') >= 0) {
            return REPEATER;
        }
        if (port.endsWith(".seq")) {
            return LOOP;
        }
        if (port.endsWith(".dev")) {
            return ONCE;
        }
        return LOOP_UNCLASSIFIED;
    }
}
