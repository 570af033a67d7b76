package org.knut.monitor.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.process.ExternalCommand;

/**
 * NOTIFYFLAG EXEC: runs NOTIFYCMD with the message as its last argument and NUT's environment
 * ({@code NOTIFYTYPE}, {@code UPSNAME}). A NOTIFYCMD written as one quoted string with spaces in it
 * (upsmon before 2.8.1 handed it to the shell) is run through {@code /bin/sh} the same way.
 */
public final class ExecSink implements NotificationSink {
    private final List<String> command;
    private final CommandRunner runner;

    public ExecSink(List<String> command, CommandRunner runner) {
        this.command = List.copyOf(command);
        this.runner = runner;
    }

    @Override
    public void deliver(Notification n) {
        if (command.isEmpty()) {
            return; // upsmon too: EXEC without NOTIFYCMD does nothing
        }
        Map<String, String> env = Map.of("NOTIFYTYPE", n.type().name(), "UPSNAME", n.ups());
        if (command.size() == 1 && command.get(0).indexOf(' ') >= 0) {
            runner.launch(ExternalCommand.shell("NOTIFYCMD", command.get(0) + " \"$1\"", List.of(n.message()), env));
            return;
        }
        List<String> argv = new ArrayList<>(command);
        argv.add(n.message());
        runner.launch(new ExternalCommand("NOTIFYCMD", argv, env, null));
    }
}
