package org.knut.monitor.process;

import java.util.List;
import java.util.Map;

/** A program the monitor starts: NOTIFYCMD, wall, SHUTDOWNCMD, a timer's command. {@code stdin} may be null. */
public record ExternalCommand(String purpose, List<String> argv, Map<String, String> env, String stdin) {
    public ExternalCommand {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** {@code line} run by {@code /bin/sh -c}, as upsmon runs SHUTDOWNCMD through system(). */
    public static ExternalCommand shell(String purpose, String line, List<String> args, Map<String, String> env) {
        List<String> argv = new java.util.ArrayList<>(List.of("/bin/sh", "-c", line, "sh"));
        argv.addAll(args);
        return new ExternalCommand(purpose, argv, env, null);
    }
}
