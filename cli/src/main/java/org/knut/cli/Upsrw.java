package org.knut.cli;

import java.io.IOException;

import org.knut.core.client.NutClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    @Mixin
    LoginOptions login = new LoginOptions();

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

    /** -V: upsrw, unlike upsc and upscmd, prints its version line on stdout. */
    @Override
    void printVersion() {
        io.out().println("Network UPS Tools upsrw " + NUT_VERSION + " (knut)");
    }

    @Override
    public Integer call() throws IOException {
        long timeoutSeconds = login.timeoutSeconds(); // a bad -t is refused even before -h
        runOnNamedUps((c, ups) -> {
            if (setvar != null) {
                set(c, ups, timeoutSeconds);
            } else {
                new RwListing(io, c, ups).print();
            }
        });
        return 0;
    }

    private void set(NutClient c, String ups, long timeoutSeconds) {
        Credentials credentials = login.credentials(io, false);
        int eq = setvar.indexOf('=');
        String var = eq >= 0 ? setvar.substring(0, eq) : setvar;
        String value = eq >= 0 ? setvar.substring(eq + 1) : askValue(var);
        credentials.send(c);
        if (var.indexOf('.') < 0) {
            throw new Fatal("Error: old variable names are not supported");
        }
        io.err().println(login.submit(c, timeoutSeconds, "set variable", "Set variable failed", () -> c.setVar(ups, var, value)));
    }

    /** -s without {@code =value}: asked for; end of input or a read error make it empty. */
    private String askValue(String var) {
        try {
            String line = io.prompt("Enter new value for " + var + ": ");
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
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
