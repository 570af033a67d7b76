package org.knut.cli;

import java.io.IOException;
import java.util.Map;

import org.knut.core.client.NutClient;
import org.knut.core.client.UpsId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * upsc: NUT 2.8's lightweight client.
 *
 * <pre>
 * upsc ups[@host[:port]]            every variable, "name: value" per line
 * upsc ups[@host[:port]] var        one value
 * upsc -l | -L [host[:port]]        UPS names (-L: "name: description")
 * upsc -c ups[@host[:port]]         addresses of the clients logged in to the UPS
 * </pre>
 * Errors go to stderr in upsclient's words ({@code Error: Unknown UPS}) with exit status 1; -h and a bad
 * option print the help with status 0. Unlike NUT's upsc it never tries STARTTLS.
 */
@Command(name = "upsc", description = "Show UPS variables, UPS names or logged-in clients (NUT upsc).")
final class Upsc extends NutTool {
    @Option(names = "-l")
    boolean list;
    @Option(names = "-L")
    boolean listWithDescriptions;
    @Option(names = "-c")
    boolean clients;

    Upsc(Io io) {
        super(io);
    }

    @Override
    String name() {
        return "upsc";
    }

    @Override
    String optionLetters() {
        return "hlLcV";
    }

    @Override
    public Integer call() throws IOException {
        if (answeredHelpOrVersion()) {
            return 0;
        }
        if (list || listWithDescriptions) {
            listUps();
            return 0;
        }
        withUps("Error: invalid UPS definition.\nRequired format: upsname[@hostname[:port]]", (c, ups) -> {
            if (clients) {
                for (String address : must(() -> c.listClients(ups))) {
                    io.out().println(address);
                }
            } else if (args.size() > 1) {
                String var = args.get(1);
                if (var.indexOf('.') < 0) {
                    throw new Fatal("Error: old-style variable names are not supported");
                }
                io.out().println(must(() -> c.get(ups, var)));
            } else {
                for (Map.Entry<String, String> v : must(() -> c.listVars(ups)).entrySet()) {
                    io.out().println(v.getKey() + ": " + v.getValue());
                }
            }
        });
        return 0;
    }

    /** -l and -L: the UPSes of the server the first operand names, localhost without one. */
    private void listUps() throws IOException {
        UpsId.HostPort server = UpsArg.host(args.isEmpty() ? null : args.get(0));
        try (NutClient c = connect(server.host(), server.port())) {
            for (Map.Entry<String, String> ups : must(c::listUps).entrySet()) {
                io.out().println(listWithDescriptions ? ups.getKey() + ": " + ups.getValue() : ups.getKey());
            }
        }
    }

    @Override
    void usage() {
        io.out().print("""
                Network UPS Tools upsc %1$s

                usage: upsc -l | -L [<hostname>[:port]]
                       upsc <ups> [<variable>]
                       upsc -c <ups>

                Demo program to display UPS variables.

                First form (lists UPSes):
                  -l         - lists each UPS on <hostname>, one per line.
                  -L         - lists each UPS followed by its description (from ups.conf).
                               Default hostname: localhost

                Second form (lists variables and values):
                  <ups>      - upsd server, <upsname>[@<hostname>[:<port>]] form
                  <variable> - optional, display this variable only.
                               Default: list all variables for <host>

                Third form (lists clients connected to a device):
                  -c         - lists each client connected on <ups>, one per line.
                  <ups>      - upsd server, <upsname>[@<hostname>[:<port>]] form
                """.formatted(NUT_VERSION));
    }
}
