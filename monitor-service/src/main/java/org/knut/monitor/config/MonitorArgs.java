package org.knut.monitor.config;

import java.nio.file.Path;

/**
 * The command line, upsmon's where it makes sense: {@code -c FILE} (or upsmon's own {@code -f FILE})
 * names upsmon.conf, {@code -D} raises the log level, {@code --dry-run} logs instead of shutting down.
 * upsmon's {@code -F}, {@code -B} and {@code -p} are accepted and change nothing: the monitor always runs in
 * the foreground as one process. {@code fire-drill} (usually first) runs the fire drill instead
 * of the monitor; {@code --runtime S} gives it the battery runtime when the UPS reports none.
 */
public record MonitorArgs(Path confFile, int debug, boolean dryRun, boolean help, boolean fireDrill, Integer runtime) {
    public static final String USAGE = """
            usage: java -jar quarkus-run.jar [-c upsmon.conf] [-D] [--dry-run]
                   java -jar quarkus-run.jar fire-drill [-c upsmon.conf] [--runtime SECONDS]
              -c FILE     upsmon.conf to read (also -f FILE); default knut.monitor.config or $NUT_CONFPATH/upsmon.conf
              -D          more log output (debug)
              --dry-run   do everything but FSD, POWERDOWNFLAG and SHUTDOWNCMD (in Kubernetes mode also the cordon,
                          the evictions and the power-off); log those, in order, with timings
              fire-drill  simulate a power cut on the configured UPSes and print which nodes would shut down, in which
                          order, how long each takes, and whether all are down before the battery runs out; changes nothing
              --runtime S the battery runtime at the cut, for a UPS that reports no battery.runtime
              -h          this help""";

    public MonitorArgs(Path confFile, int debug, boolean dryRun, boolean help) {
        this(confFile, debug, dryRun, help, false, null);
    }

    public static MonitorArgs parse(String... args) {
        Path conf = null;
        int debug = 0;
        boolean dryRun = false;
        boolean help = false;
        boolean drill = java.util.Arrays.asList(args).contains("fire-drill");
        Integer runtime = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "fire-drill" -> {
                    // the command, seen above
                }
                case "--runtime" -> {
                    if (!drill || i + 1 >= args.length || !args[i + 1].matches("\\d{1,9}")) {
                        throw new IllegalArgumentException("--runtime needs seconds and goes with fire-drill");
                    }
                    runtime = Integer.valueOf(args[++i]);
                }
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
        return new MonitorArgs(conf, debug, dryRun, help, drill, runtime);
    }
}
