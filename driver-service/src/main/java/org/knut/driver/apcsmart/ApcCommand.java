package org.knut.driver.apcsmart;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of apcsmart's instant command table. {@code shutdown.return} has two lines, told apart by
 * the command's parameter ({@code at:<n>} for hard hibernate, none or {@code cs} for soft).
 *
 * @param name NUT's command
 * @param parameter what the parameter must match, or null when the command takes none
 * @param cmd the APC character
 * @param nasty must be asked twice, 3 to 15 seconds apart, before it runs
 * @param repeat the UPS wants the character twice, 1.3 s apart
 */
record ApcCommand(String name, Pattern parameter, char cmd, boolean nasty, boolean repeat) {
    static final char OFF = 'Z';
    static final char ON = '\016';
    static final char GRACEDOWN = '@';
    static final char SOFTDOWN = 'S';
    static final char SHUTDOWN = 'K';
    static final char CALTOGGLE = 'D';
    static final char SIMPWF = 'U';

    private static ApcCommand c(String name, char cmd) {
        return new ApcCommand(name, null, cmd, false, false);
    }

    /** NUT 2.8.0's table, in its order. */
    static final List<ApcCommand> TABLE = List.of(
            new ApcCommand("shutdown.return", Pattern.compile("^[Aa][Tt]:[0-9]{1,3}$"), GRACEDOWN, true, false),
            new ApcCommand("shutdown.return", Pattern.compile("^([Cc][Ss]|)$"), SOFTDOWN, true, false),
            new ApcCommand("shutdown.stayoff", null, SHUTDOWN, true, true),
            new ApcCommand("load.off", null, OFF, true, true),
            new ApcCommand("load.on", null, ON, false, true),
            c("calibrate.start", CALTOGGLE),
            c("calibrate.stop", CALTOGGLE),
            c("test.panel.start", 'A'),
            c("test.failure.start", SIMPWF),
            c("test.battery.start", 'W'),
            c("test.battery.stop", 'W'),
            c("bypass.start", '^'),
            c("bypass.stop", '^'));

    /** Whether a request's parameter selects this line (no parameter is the empty string for a pattern). */
    boolean takes(String param) {
        return parameter == null ? param == null : parameter.matcher(param == null ? "" : param).find();
    }
}
