package org.knut.cli;

import java.io.IOException;
import java.util.List;

import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * upscmd: NUT 2.8's instant command tool.
 *
 * <pre>
 * upscmd -l ups[@host[:port]]                                   commands with descriptions
 * upscmd [-u user] [-p pass] [-w] [-t secs] ups command [value]   run one
 * </pre>
 * A missing -u or -p is asked for ({@code Username (login): } on stdout, the password without echo on
 * the console, else from stdin). The server's answer ({@code OK}, or with -w the tracking result such as
 * {@code SUCCESS} or {@code ERR FAILED}) goes to stderr with exit status 0, as in NUT 2.8.0; a refused
 * command ends with {@code Unexpected response from upsd: ERR ...} and status 1.
 */
@Command(name = "upscmd", description = "List or run instant commands (NUT upscmd).")
final class Upscmd extends NutTool {
    @Option(names = "-l")
    boolean list;
    @Mixin
    LoginOptions login = new LoginOptions();

    Upscmd(Io io) {
        super(io);
    }

    @Override
    String name() {
        return "upscmd";
    }

    @Override
    String optionLetters() {
        return "lhuptwV";
    }

    @Override
    public Integer call() throws IOException {
        long timeoutSeconds = login.timeoutSeconds(); // a bad -t is refused even before -h
        runOnNamedUps((c, ups) -> {
            if (list) {
                listCommands(c, ups);
            } else if (args.size() < 2) {
                usage();
            } else {
                runCommand(c, ups, args.get(1), args.size() > 2 ? args.get(2) : null, timeoutSeconds);
            }
        });
        return 0;
    }

    private void runCommand(NutClient c, String ups, String cmd, String value, long timeoutSeconds) {
        if (cmd.indexOf('.') < 0) {
            throw new Fatal("Error: old command names are not supported");
        }
        login.credentials(io, true).send(c);
        io.err().println(login.submit(c, timeoutSeconds, "command", "Instant command failed", () -> c.instcmd(ups, cmd, value)));
    }

    /** All names first, then a description for each: upsd answers one request at a time. */
    private void listCommands(NutClient c, String ups) {
        List<String> commands = must(() -> c.listCommands(ups));
        io.out().println("Instant commands supported on UPS [" + ups + "]:");
        io.out().println();
        for (String cmd : commands) {
            try {
                io.out().println(cmd + " - " + c.getCmdDesc(ups, cmd));
            } catch (IOException | NutException e) {
                io.out().println(cmd);
            }
        }
    }

    @Override
    void usage() {
        io.out().print("""
                Network UPS Tools upscmd %1$s

                usage: upscmd [-h]
                       upscmd [-l <ups>]
                       upscmd [-u <username>] [-p <password>] [-w] [-t <timeout>] <ups> <command> [<value>]

                Administration program to initiate instant commands on UPS hardware.

                  -h\t\tdisplay this help text
                  -l <ups>\tshow available commands on UPS <ups>
                  -u <username>\tset username for command authentication
                  -p <password>\tset password for command authentication
                  -w            wait for the completion of command by the driver
                                and return its actual result from the device
                  -t <timeout>\tset a timeout when using -w (in seconds, default: %2$d)

                  <ups>\t\tUPS identifier - <upsname>[@<hostname>[:<port>]]
                  <command>\tValid instant command - test.panel.start, etc.
                  [<value>]\tAdditional data for command - number of seconds, etc.
                """.formatted(NUT_VERSION, TrackingWait.DEFAULT_TIMEOUT_SECONDS));
    }
}
