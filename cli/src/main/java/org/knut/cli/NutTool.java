package org.knut.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.knut.core.client.NutClient;
import org.knut.core.client.StartTls;
import org.knut.core.client.UpsId;
import org.knut.core.protocol.NutException;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the four tools share: their terminal, -h, -V and the operands, their help text, how they
 * connect and complain.
 */
abstract class NutTool implements Callable<Integer> {
    /** The NUT release whose tools these reproduce; it heads their help texts, as NUT's own do. */
    static final String NUT_VERSION = "2.8.0";

    final Io io;

    @Option(names = "-h")
    boolean help;
    @Option(names = "-V")
    boolean version;
    @Parameters
    List<String> args = new ArrayList<>();
    /** knut's addition: NUT's clients always try STARTTLS; this can also insist on it, or not try. */
    @Option(names = "--starttls", paramLabel = "try|force|off")
    String starttls = "try";
    /** knut's addition: a PEM CA; with it the server's certificate must chain to it and name the host. */
    @Option(names = "--cafile", paramLabel = "FILE")
    Path caFile;

    NutTool(Io io) {
        this.io = io;
    }

    /** The program name NUT's tools print in messages and help. */
    abstract String name();

    /** Prints the real tool's help text on stdout. */
    abstract void usage();

    /** Single-letter options the tool knows, to name an unknown one as getopt does. */
    abstract String optionLetters();

    /**
     * What a bad option leads to once getopt's complaint is printed: like NUT's tools, the help text
     * and exit status 0.
     */
    int onBadOption() {
        usage();
        return 0;
    }

    /** -V: the version line, on stderr as upsc and upscmd print it. */
    void printVersion() {
        io.err().println("Network UPS Tools " + name() + " " + NUT_VERSION + " (knut)");
    }

    /** -h, else -V; true when one of them was answered and the tool ends with status 0. */
    boolean answeredHelpOrVersion() {
        if (help) {
            usage();
            return true;
        }
        if (version) {
            printVersion();
            return true;
        }
        return false;
    }

    /** What a tool does with the UPS it is connected to. */
    interface UpsAction {
        void run(NutClient c, String ups);
    }

    /**
     * upscmd's and upsrw's course: -h, -V, the help when no UPS is named, else {@code action} on the
     * UPS the first operand names.
     */
    void runOnNamedUps(UpsAction action) throws IOException {
        if (answeredHelpOrVersion()) {
            return;
        }
        if (args.isEmpty()) {
            usage();
            return;
        }
        withUps(UpsArg.INVALID_UPS, action);
    }

    /**
     * Runs {@code action} connected to the UPS the first operand names; a missing or malformed name ends
     * the tool with {@code invalidMessage}.
     */
    void withUps(String invalidMessage, UpsAction action) throws IOException {
        UpsId id = UpsArg.ups(args.isEmpty() ? null : args.get(0), invalidMessage);
        try (NutClient c = connect(id.host(), id.port())) {
            action.run(c, id.ups());
        }
    }

    /** Connects as the real tools do, ending with {@code Error: <reason>} when that fails. */
    NutClient connect(String host, int port) {
        try {
            return NutClient.connect(host, port, NutClient.DEFAULT_TIMEOUT, startTls());
        } catch (IOException e) {
            throw new Fatal("Error: " + UpscliError.of(e));
        }
    }

    /** STARTTLS as the options ask (by default as NUT's clients: tried, not verified). */
    StartTls startTls() {
        StartTls.Mode mode = switch (starttls.toLowerCase(java.util.Locale.ROOT)) {
            case "try" -> StartTls.Mode.TRY;
            case "force" -> StartTls.Mode.FORCE;
            case "off" -> StartTls.Mode.OFF;
            default -> throw new Fatal("Error: --starttls takes try, force or off");
        };
        return new StartTls(mode, caFile != null, caFile, null);
    }

    /** One request to upsd. */
    interface Request<T> {
        T run() throws IOException, NutException;
    }

    /** Runs one request; any failure ends the tool with {@code Error: <reason>}. */
    static <T> T must(Request<T> r) {
        try {
            return r.run();
        } catch (IOException | NutException e) {
            throw new Fatal("Error: " + UpscliError.of(e));
        }
    }
}
