package org.knut.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.client.UpsId;
import org.knut.core.text.CNumbers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * upslog: NUT's status logger.
 *
 * <pre>
 * upslog -s ups[@host[:port]] -l logfile|- [-i secs] [-f "format"] [-p pidbase] [-u user] [-F|-B]
 * upslog -m ups[@host[:port]],logfile [-m ...] [-i secs] [-f "format"]      (NUT 2.8.1's tuples)
 * upslog ups logfile interval [format words...]                                (NUT's old form)
 * </pre>
 * Appends one line per UPS every interval (default 30 s) in the format (default
 * {@link LogFormat#DEFAULT}; escapes {@code %%}, {@code %TIME fmt%} with @ for %, {@code %ETIME%},
 * {@code %HOST%}, {@code %UPSHOST%}, {@code %PID%}, {@code %VAR name%}) until SIGTERM, SIGINT or SIGQUIT;
 * SIGHUP reopens the logs, SIGUSR1 logs at once.
 *
 * <p>knut extension: {@code -N count} stops after count lines per UPS. Differences: knut's upslog
 * always stays in the foreground (-B is accepted and ignored) and cannot change user (-u is ignored),
 * both things a JVM cannot do.
 */
@Command(name = "upslog", description = "Log UPS status lines to a file or stdout (NUT upslog).")
final class Upslog extends NutTool {
    /** Where NUT (Debian) keeps pid files named by a relative -p. */
    static final String PIDPATH = "/run/nut";

    private final boolean signals;
    private final Object sleeper = new Object();
    private volatile boolean reopen;
    private volatile boolean wakeUp;
    private volatile int exitSignal;

    @Option(names = "-s")
    String monhost;
    @Option(names = "-l")
    String logfile;
    @Option(names = "-i")
    String interval;
    @Option(names = "-f")
    String format;
    /** Accepted for NUT's command lines; a JVM cannot switch user. */
    @Option(names = "-u")
    String user;
    @Option(names = "-p")
    String pidbase;
    /** Accepted for NUT's command lines; knut's upslog always stays in the foreground. */
    @Option(names = "-F")
    boolean foreground;
    @Option(names = "-B")
    boolean background;
    @Option(names = "-m")
    List<String> tuples = new ArrayList<>();
    @Option(names = "-N")
    String maxLines;
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    Upslog(Io io, boolean signals) {
        super(io);
        this.signals = signals;
    }

    @Override
    String name() {
        return "upslog";
    }

    @Override
    String optionLetters() {
        return "hslifuVpFBmN";
    }

    @Override
    int onBadOption() {
        io.out().println("Network UPS Tools upslog " + NUT_VERSION);
        usage();
        return 0;
    }

    /** -V: nothing more, the banner call() opens with is upslog's version line. */
    @Override
    void printVersion() {
    }

    @Override
    public Integer call() throws IOException {
        io.out().println("Network UPS Tools upslog " + NUT_VERSION);
        for (String arg : unmatched) {
            io.err().println("upslog: " + KnutCli.invalidOption(arg, optionLetters())); // getopt complains and goes on
        }
        if (answeredHelpOrVersion()) {
            return 0;
        }
        int seconds = interval == null ? 30 : CNumbers.atoi(interval);
        String fmt = format == null ? LogFormat.DEFAULT : format;
        if (args.size() == 1 || args.size() == 2) {
            usage();
            return 0;
        }
        if (args.size() >= 3) { // <system> <logfile> <interval> [<format>...]
            monhost = args.get(0);
            logfile = args.get(1);
            seconds = CNumbers.atoi(args.get(2));
            if (args.size() >= 4) {
                StringBuilder sb = new StringBuilder();
                for (String word : args.subList(3, args.size())) {
                    sb.append(word).append(' ');
                }
                fmt = sb.toString();
            }
        }
        int lines = maxLines == null ? 0 : CNumbers.atoi(maxLines);
        List<LogTarget> targets = targets(seconds);
        try {
            for (LogTarget t : targets) {
                t.connectFirst();
                t.open();
            }
            writePid();
            if (signals) {
                Signals.install(this);
            }
            run(targets, LogFormat.compile(fmt, LocalHost.name()), seconds, lines);
        } finally {
            for (LogTarget t : targets) {
                t.close();
            }
        }
        return 0;
    }

    /** The -m tuples, else the one -s / -l pair; each announced as NUT does. */
    private List<LogTarget> targets(int seconds) {
        List<String[]> pairs = new ArrayList<>();
        for (String tuple : tuples) {
            String[] parts = tuple.split(",", -1);
            if (parts.length != 2) {
                throw new Fatal("Argument '-m upsspec,logfile' requires exactly 2 components in the tuple");
            }
            pairs.add(parts);
        }
        if (pairs.isEmpty()) {
            if (monhost == null) {
                throw new Fatal("No UPS defined for monitoring - use -s <system> or -m <ups,logfile>");
            }
            if (logfile == null) {
                throw new Fatal("No filename defined for logging - use -l <file>");
            }
            pairs.add(new String[] {monhost, logfile});
        }
        List<LogTarget> targets = new ArrayList<>();
        for (String[] p : pairs) {
            io.out().println("logging status of " + p[0] + " to " + p[1] + " (" + seconds + "s intervals)");
            UpsId id = UpsArg.ups(p[0], UpsArg.INVALID_UPS);
            targets.add(new LogTarget(io, p[0], id, p[1], startTls()));
        }
        return targets;
    }

    /**
     * NUT's loop: sleep until the next poll (a signal cuts the sleep short), reopen the logs if asked,
     * then write one line per UPS. A stop signal ends the loop after the line it interrupted.
     */
    private void run(List<LogTarget> targets, LogFormat fmt, int seconds, int maxLines) {
        long nextPoll = 0;
        int written = 0;
        while (exitSignal == 0) {
            long now = System.currentTimeMillis() / 1000;
            if (nextPoll > now) {
                sleep((nextPoll - now) * 1000);
                nextPoll += seconds;
            } else {
                nextPoll = now + seconds;
            }
            if (reopen) {
                io.err().println("Signal 1: reopening log file");
                reopen = false;
                targets.forEach(LogTarget::reopen);
            }
            ZonedDateTime time = ZonedDateTime.now(ZoneId.systemDefault());
            for (LogTarget t : targets) {
                t.write(fmt, time);
                if (seconds > 30) {
                    t.disconnect();
                }
            }
            if (maxLines > 0 && ++written >= maxLines) {
                return;
            }
        }
        io.err().println("Signal " + exitSignal + ": exiting");
    }

    private void sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        synchronized (sleeper) {
            long left;
            while (!wakeUp && (left = until - System.currentTimeMillis()) > 0) {
                try {
                    sleeper.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            wakeUp = false;
        }
    }

    /** SIGTERM, SIGINT, SIGQUIT: finish the current poll and exit. */
    void stop(int signal) {
        exitSignal = signal;
        wake();
    }

    /** SIGHUP: reopen the logs at the next poll, which comes at once. */
    void reopenLogs() {
        reopen = true;
        wake();
    }

    /** SIGUSR1: log now. */
    void wake() {
        synchronized (sleeper) {
            wakeUp = true;
            sleeper.notifyAll();
        }
    }

    /** NUT writes its pid file as {@code PIDPATH/<pidbase>.pid}, or at {@code pidbase} itself when absolute. */
    private void writePid() {
        String base = pidbase == null ? name() : pidbase;
        Path file = base.startsWith("/") ? Path.of(base) : Path.of(PIDPATH, base + ".pid");
        try {
            Files.writeString(file, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            io.err().println("writepid: fopen " + file + ": " + LogTarget.reason(e));
        }
    }

    @Override
    void usage() {
        io.out().print("""
                UPS status logger.

                usage: upslog [OPTIONS]

                  -f <format>\t- Log format.  See below for details.
                \t\t- Use -f "<format>" so your shell doesn't break it up.
                  -i <interval>\t- Time between updates, in seconds
                  -l <logfile>\t- Log file name, or - for stdout (foreground by default)
                  -F\t\t- stay foregrounded even if logging into a file
                  -B\t\t- stay backgrounded even if logging to stdout
                  -p <pidbase>  - Base name for PID file (defaults to "upslog")
                  -s <ups>\t- Monitor UPS <ups> - <upsname>@<host>[:<port>]
                        \t- Example: -s myups@server
                  -m <tuple>\t- Monitor UPS <ups,logfile>
                \t\t- Example: -m myups@server,/var/log/myups.log
                  -u <user>\t- Switch to <user> if started as root
                  -N <count>\t- Stop after <count> lines per UPS (knut extension)

                Some valid format string escapes:
                \t%% insert a single %
                \t%TIME format% insert the time with strftime formatting
                \t%HOST% insert the local hostname
                \t%UPSHOST% insert the host of the ups being monitored
                \t%PID% insert the pid of upslog
                \t%VAR varname% insert the value of ups variable varname

                format string defaults to:
                %s

                See the upslog(8) man page for more information.
                """.formatted(LogFormat.DEFAULT));
    }
}
