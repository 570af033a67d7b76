package org.knut.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * knut's NUT clients in one jar: {@code java -jar knut-cli.jar upsc|upscmd|upsrw|upslog ARGS...}, each
 * with the arguments, output, messages and exit status of NUT 2.8's program of that name.
 */
public final class KnutCli {
    private KnutCli() {
    }

    public static void main(String[] args) {
        Io io = Io.system();
        int status = run(args, io, true);
        io.flush();
        System.exit(status);
    }

    /** Runs one tool in this JVM; {@code signals} lets upslog take over SIGTERM, SIGINT, SIGHUP and SIGUSR1. */
    public static int run(String[] args, Io io, boolean signals) {
        CommandLine cli = new CommandLine(new Root(io));
        cli.addSubcommand(new CommandLine(new Upsc(io)));
        cli.addSubcommand(new CommandLine(new Upscmd(io)));
        cli.addSubcommand(new CommandLine(new Upsrw(io)));
        cli.addSubcommand(new CommandLine(new Upslog(io, signals)).setUnmatchedArgumentsAllowed(true));
        cli.setOut(io.out()).setErr(io.err());
        cli.setExpandAtFiles(false); // an argument starting with '@' is data, not a file of arguments
        cli.setStopAtPositional(true); // getopt "+": options end at the first operand
        cli.setAllowOptionsAsOptionParameters(true); // getopt takes "-x" as the value of "-p -x"
        cli.setAllowSubcommandsAsOptionParameters(true);
        cli.setParameterExceptionHandler(KnutCli::badArguments);
        cli.setExecutionExceptionHandler((e, line, parsed) -> fail(io, e));
        int status = cli.execute(args);
        io.flush();
        return status;
    }

    private static int fail(Io io, Exception e) {
        io.err().println(e instanceof Fatal ? e.getMessage() : "Error: " + e);
        return 1;
    }

    /** Complains about an option the way getopt(3) does, then does what the tool does after that. */
    private static int badArguments(ParameterException ex, String[] args) {
        if (!(ex.getCommandLine().getCommand() instanceof NutTool tool)) {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        }
        tool.io.err().println(tool.name() + ": " + getoptMessage(ex, tool.optionLetters()));
        return tool.onBadOption();
    }

    static String getoptMessage(ParameterException ex, String letters) {
        if (ex instanceof CommandLine.MissingParameterException missing) {
            for (ArgSpec spec : missing.getMissing()) {
                if (spec instanceof OptionSpec o) {
                    return "option requires an argument -- '" + o.shortestName().substring(1) + "'";
                }
            }
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return invalidOption(unmatched.getUnmatched().get(0), letters);
        }
        return ex.getMessage();
    }

    /** getopt's message for an unknown argument such as {@code -x}, {@code -lx} or {@code --help}. */
    static String invalidOption(String arg, String letters) {
        if (arg.startsWith("--")) {
            return "unrecognized option '" + arg + "'";
        }
        for (char c : arg.substring(Math.min(1, arg.length())).toCharArray()) {
            if (letters.indexOf(c) < 0) {
                return "invalid option -- '" + c + "'";
            }
        }
        return "invalid argument '" + arg + "'";
    }

    /** {@code knut-cli} alone: which tools there are. */
    @Command(name = "knut-cli", mixinStandardHelpOptions = true, version = "knut-cli (NUT " + NutTool.NUT_VERSION + " clients)",
            description = "knut's NUT clients: upsc, upscmd, upsrw, upslog (run one with -h for its options).")
    static final class Root implements Callable<Integer> {
        private final Io io;

        Root(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            io.err().println("usage: knut-cli " + String.join("|", List.of("upsc", "upscmd", "upsrw", "upslog")) + " [ARGS...]");
            return 2;
        }
    }
}
