package org.knut.monitor.shutdown;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.process.ExternalCommand;

/** SHUTDOWNCMD run through {@code /bin/sh -c}, as upsmon runs it through system(), waited for up to a limit. */
public final class ShutdownCommand implements HostShutdown {
    private static final Logger LOG = Logger.getLogger(ShutdownCommand.class);

    private final String commandLine;
    private final CommandRunner runner;
    private final Duration limit;

    /** {@code commandLine} null: SHUTDOWNCMD is not configured, and the step only says so. */
    public ShutdownCommand(String commandLine, CommandRunner runner, Duration limit) {
        this.commandLine = commandLine;
        this.runner = runner;
        this.limit = limit;
    }

    @Override
    public String describe() {
        return commandLine == null ? "no SHUTDOWNCMD configured: nothing to run" : "run SHUTDOWNCMD: " + commandLine;
    }

    @Override
    public void shutDown(StepLog log) throws InterruptedException {
        if (commandLine == null) {
            LOG.error("SHUTDOWNCMD is not configured in upsmon.conf");
            log.step("SHUTDOWNCMD is not configured: this host is not shut down");
            return;
        }
        int code = runner.run(ExternalCommand.shell("SHUTDOWNCMD", commandLine, List.of(), Map.of()), limit);
        if (code != 0) {
            LOG.errorf("Unable to call shutdown command: %s (status %d)", commandLine, code);
            log.step("SHUTDOWNCMD failed: " + commandLine + " (status " + code + ")");
        }
    }
}
