package org.knut.driver.app;

import java.util.ArrayList;
import java.util.List;

import org.knut.driver.config.ConfOption;

/**
 * The arguments of dump mode, as a NUT driver takes them: {@code <drivername> [-a <ups> | -s <ups>]
 * [-x key[=value]]... [-i <seconds>] [-d <n>] [-k]}. {@code -D -q -F -B} and {@code -u -g -r <arg>} are
 * accepted and ignored (logging and privileges belong to the service).
 *
 * @param driver the driver program name
 * @param ups the UPS name, or null
 * @param fromConf true for {@code -a} (read the section from ups.conf), false for {@code -s} or none
 * @param settings the {@code -x} settings ({@code -i} becomes {@code pollinterval}), in order
 * @param dumpAfter the {@code -d} count
 * @param shutdown {@code -k}: tell the UPS to cut its load instead of dumping (what {@code upsdrvctl shutdown} runs)
 */
record DumpArgs(String driver, String ups, boolean fromConf, List<ConfOption> settings, int dumpAfter, boolean shutdown) {

    /** Thrown for arguments that make no sense; the message says which. */
    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }

    static DumpArgs parse(List<String> args) throws BadArguments {
        if (args.isEmpty()) {
            throw new BadArguments("usage: driver <drivername> [-a <ups>] [-x <key>[=<value>]]... [-i <seconds>] [-d <n>] [-k]");
        }
        String ups = null;
        boolean fromConf = false;
        List<ConfOption> settings = new ArrayList<>();
        int dumpAfter = 1;
        boolean shutdown = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-D", "-q", "-F", "-B" -> {
                    // no argument
                }
                case "-k" -> shutdown = true;
                case "-a", "-s", "-x", "-i", "-d", "-u", "-g", "-r" -> {
                    if (i + 1 >= args.size()) {
                        throw new BadArguments(a + " needs an argument");
                    }
                    String v = args.get(++i);
                    switch (a) {
                        case "-a", "-s" -> {
                            ups = v;
                            fromConf = a.equals("-a");
                        }
                        case "-x" -> {
                            int eq = v.indexOf('=');
                            settings.add(eq < 0 ? new ConfOption(v, null, 0) : new ConfOption(v.substring(0, eq), v.substring(eq + 1), 0));
                        }
                        case "-i" -> settings.add(new ConfOption("pollinterval", v, 0));
                        case "-d" -> dumpAfter = count(v);
                        default -> {
                            // -u -g -r: ignored
                        }
                    }
                }
                default -> throw new BadArguments("unknown option " + a);
            }
        }
        return new DumpArgs(args.get(0), ups, fromConf, List.copyOf(settings), dumpAfter, shutdown);
    }

    private static int count(String v) throws BadArguments {
        try {
            return Math.max(0, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new BadArguments("-d needs a count, not '" + v + "'");
        }
    }
}
