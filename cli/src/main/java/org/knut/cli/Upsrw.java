package org.knut.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.client.NutClient;
import org.knut.core.client.UpsId;
import org.knut.core.protocol.NutException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * upsrw: NUT 2.8's tool for writable variables.
 *
 * <pre>
 * upsrw [-l] ups[@host[:port]]      every RW variable: [name], description, type, value or options
 * upsrw -s var[=value] [-u user] [-p pass] [-w] [-t secs] ups[@host[:port]]
 * </pre>
 * Without {@code =value} the value is asked for ({@code Enter new value for var: }); user and password
 * as in upscmd. The answer ({@code OK}, or with -w {@code SUCCESS} / {@code ERR ...}) goes to stderr with
 * exit status 0, as in NUT 2.8.0. The listing reproduces NUT's, including its reading of ranges as
 * integers ({@code Option: "90-140" SELECTED}).
 */
@Command(name = "upsrw", description = "List or set writable variables (NUT upsrw).")
final class Upsrw extends NutTool {
    private String setvar;
    @Option(names = "-u")
    String user;
    @Option(names = "-p")
    String password;
    @Option(names = "-t")
    String timeout;
    @Option(names = "-w")
    boolean wait;
    @Option(names = "-h")
    boolean help;
    @Option(names = "-V")
    boolean version;
    @Parameters
    List<String> args = new ArrayList<>();

    Upsrw(Io io) {
        super(io);
    }

    @Option(names = "-s")
    void setVariable(String spec) {
        setvar = spec;
    }

    /** -l after -s cancels the set, as NUT's getopt loop does. */
    @Option(names = "-l")
    void listMode(boolean on) {
        if (setvar != null) {
            io.err().println("Listing mode requested, overriding setvar specified earlier!");
            setvar = null;
        }
    }

    @Override
    String name() {
        return "upsrw";
    }

    @Override
    String optionLetters() {
        return "hlsptuwV";
    }

    @Override
    public Integer call() throws IOException {
        long timeoutSeconds = trackingTimeout(timeout);
        if (help) {
            usage();
            return 0;
        }
        if (version) {
            io.out().println("Network UPS Tools upsrw " + NUT_VERSION + " (knut)");
            return 0;
        }
        if (args.isEmpty()) {
            usage();
            return 0;
        }
        UpsId id = UpsArg.ups(args.get(0), UpsArg.INVALID_UPS);
        try (NutClient c = connect(id.host(), id.port())) {
            if (setvar != null) {
                set(c, id.ups(), timeoutSeconds);
            } else {
                new RwListing(io, c, id.ups()).print();
            }
        }
        return 0;
    }

    private void set(NutClient c, String ups, long timeoutSeconds) {
        Credentials credentials = Credentials.ask(io, user, password, false);
        String var = setvar;
        String value;
        int eq = setvar.indexOf('=');
        if (eq >= 0) {
            var = setvar.substring(0, eq);
            value = setvar.substring(eq + 1);
        } else {
            try {
                value = io.prompt("Enter new value for " + var + ": ");
            } catch (IOException e) {
                value = null;
            }
            value = value == null ? "" : value;
        }
        credentials.send(c);
        if (var.indexOf('.') < 0) {
            throw new Fatal("Error: old variable names are not supported");
        }
        if (wait) {
            TrackingWait.enable(c, "set variable");
        }
        String trackingId;
        try {
            trackingId = c.setVar(ups, var, value);
        } catch (NutException e) {
            throw new Fatal("Unexpected response from upsd: ERR " + e.getMessage());
        } catch (IOException e) {
            throw new Fatal("Set variable failed: " + UpscliError.of(e));
        }
        io.err().println(wait && trackingId != null ? TrackingWait.await(c, trackingId, timeoutSeconds) : "OK");
    }

    @Override
    void usage() {
        io.out().print("""
                Network UPS Tools upsrw %1$s

                usage: upsrw [-h]
                       upsrw [-s <variable>] [-u <username>] [-p <password>] [-w] [-t <timeout>] <ups>

                Demo program to set variables within UPS hardware.

                  -h            display this help text
                  -s <variable>\tspecify variable to be changed
                \t\tuse -s VAR=VALUE to avoid prompting for value
                  -l            show all possible read/write variables.
                  -u <username> set username for command authentication
                  -p <password> set password for command authentication
                  -w            wait for the completion of setting by the driver
                                and return its actual result from the device
                  -t <timeout>\tset a timeout when using -w (in seconds, default: %2$d)

                  <ups>         UPS identifier - <upsname>[@<hostname>[:<port>]]

                Call without -s to show all possible read/write variables (same as -l).
                """.formatted(NUT_VERSION, TrackingWait.DEFAULT_TIMEOUT_SECONDS));
    }
}
