package org.knut.monitor.shutdown;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.process.ExternalCommand;

/**
 * A shell command that takes the host down, run through {@code /bin/sh -c} as upsmon runs SHUTDOWNCMD
 * through system(), waited for up to a limit: SHUTDOWNCMD on a bare host, the power-off command in
 * Kubernetes mode.
 */
public final class ShutdownCommand implements HostShutdown {
    private static final Logger LOG = Logger.getLogger(ShutdownCommand.class);

    private final String name;
    private final String commandLine;
    private final CommandRunner runner;
    private final Duration limit;

    /** SHUTDOWNCMD; {@code commandLine} null: not configured, and the step only says so. */
    public ShutdownCommand(String commandLine, CommandRunner runner, Duration limit) {
        this("SHUTDOWNCMD", commandLine, runner, limit);
    }

    /** A command named {@code name} in the log, e.g. {@code power-off command}. */
    public ShutdownCommand(String name, String commandLine, CommandRunner runner, Duration limit) {
        this.name = name;
        this.commandLine = commandLine;
        this.runner = runner;
        this.limit = limit;
    }

    @Override
    public String describe() {
        return commandLine == null ? "no " + name + " configured: nothing to run" : "run " + name + ": " + commandLine;
    }

    @Override
    public void shutDown(StepLog log) throws InterruptedException, ShutdownImpossible {
        if (commandLine == null) {
            LOG.errorf("%s is not configured", name);
            throw new ShutdownImpossible(name + " is not configured: this host is not shut down");
        }
        int code = runner.run(ExternalCommand.shell(name, commandLine, List.of(), Map.of()), limit);
        if (code != 0) {
            LOG.errorf("Unable to call shutdown command: %s (status %d)", commandLine, code);
            throw new ShutdownImpossible(name + " failed: " + commandLine + " (status " + code + ")");
        }
    }
}
