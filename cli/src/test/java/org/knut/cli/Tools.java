package org.knut.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.testing.Command;

/** Runs our tools in this JVM and NUT's real ones as processes, with the same arguments and input. */
final class Tools {
    private Tools() {
    }

    /** Ours, in-process: {@code args[0]} names the tool. No console, so passwords come from stdin. */
    static Command.Result knut(String stdin, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, null);
        int status = KnutCli.run(args.toArray(String[]::new), io, false);
        return new Command.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Command.Result knut(String... args) {
        return knut("", List.of(args));
    }

    /**
     * NUT's, from /usr/bin, in a session of its own: without a controlling terminal getpass() reads the
     * password from stdin, as ours does here, instead of waiting on the developer's terminal.
     */
    static Command.Result real(String stdin, List<String> args) throws IOException {
        // by name, as a user types it: NUT's tools print argv[0] in their getopt complaints
        List<String> argv = new ArrayList<>(List.of("setsid", "-w", args.get(0)));
        argv.addAll(args.subList(1, args.size()));
        return Command.run(argv, stdin, Duration.ofSeconds(30));
    }

    /** upsc and upslog try STARTTLS and say so on stderr; ours try it silently. */
    static String withoutTlsNotice(String stderr) {
        return stderr.replace("Init SSL without certificate database\n", "");
    }
}
