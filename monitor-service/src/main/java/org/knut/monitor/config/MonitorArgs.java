package org.knut.monitor.config;

import java.nio.file.Path;

/**
 * The command line, upsmon's where it makes sense: {@code -c FILE} (or upsmon's own {@code -f FILE})
 * names upsmon.conf, {@code -D} raises the log level, {@code --dry-run} logs instead of shutting down.
 * upsmon's {@code -F}, {@code -B} and {@code -p} are accepted and change nothing: the monitor always runs in
 * the foreground as one process.
 */
public record MonitorArgs(Path confFile, int debug, boolean dryRun, boolean help) {
    public static final String USAGE = """
            usage: java -jar quarkus-run.jar [-c upsmon.conf] [-D] [--dry-run]
              -c FILE     upsmon.conf to read (also -f FILE); default knut.monitor.config or $NUT_CONFPATH/upsmon.conf
              -D          more log output (debug)
              --dry-run   do everything but FSD, POWERDOWNFLAG and SHUTDOWNCMD; log those, in order, with timings
              -h          this help""";

    public static MonitorArgs parse(String... args) {
        Path conf = null;
        int debug = 0;
        boolean dryRun = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-c", "-f" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a file");
                    }
                    conf = Path.of(args[++i]);
                }
                case "-D" -> debug++;
                case "--dry-run" -> dryRun = true;
                case "-h", "--help" -> help = true;
                case "-F", "-B", "-p" -> {
                    // upsmon's foreground/background/privilege switches: nothing to do here
                }
                default -> {
                    if (a.matches("-D+")) {
                        debug += a.length() - 1;
                    } else {
                        throw new IllegalArgumentException("unknown argument '" + a + "'");
                    }
                }
            }
        }
        return new MonitorArgs(conf, debug, dryRun, help);
    }
}
