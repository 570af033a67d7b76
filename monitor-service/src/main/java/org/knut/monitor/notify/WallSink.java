package org.knut.monitor.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.process.ExternalCommand;

/** NOTIFYFLAG WALL: the message to every logged-in terminal through {@code wall}, when the host has one. */
public final class WallSink implements NotificationSink {
    private static final Logger LOG = Logger.getLogger(WallSink.class);

    private final Path wall;
    private final CommandRunner runner;

    private WallSink(Path wall, CommandRunner runner) {
        this.wall = wall;
        this.runner = runner;
    }

    /** A sink using the first {@code wall} on {@code path} (a PATH-style list), or null when there is none. */
    public static WallSink onPath(String path, CommandRunner runner) {
        if (path != null) {
            for (String dir : path.split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, "wall");
                if (Files.isExecutable(p)) {
                    return new WallSink(p, runner);
                }
            }
        }
        LOG.info("no 'wall' on PATH: WALL notifications are not sent to terminals");
        return null;
    }

    @Override
    public void deliver(Notification n) {
        runner.launch(new ExternalCommand("wall", List.of(wall.toString()), Map.of(), n.message() + "\n"));
    }
}
