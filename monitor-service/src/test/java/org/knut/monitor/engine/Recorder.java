package org.knut.monitor.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.monitor.notify.Notification;
import org.knut.monitor.notify.NotificationSink;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.process.ExternalCommand;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.ShutdownImpossible;
import org.knut.monitor.shutdown.StepLog;

/** Records what the monitor would have done to the world: notifications, commands, the final shutdown. */
final class Recorder implements NotificationSink, CommandRunner, HostShutdown {
    record At<T>(T what, Instant when) {
    }

    private final TimeSource time;
    /** Written by the engine's thread, read by the test's. */
    final List<At<Notification>> notifications = new CopyOnWriteArrayList<>();
    final List<At<ExternalCommand>> commands = new ArrayList<>();
    final List<Instant> shutdowns = new ArrayList<>();
    /** Set: the shutdown step fails with this, as a missing or failing SHUTDOWNCMD would. */
    volatile String impossible;

    Recorder(TimeSource time) {
        this.time = time;
    }

    @Override
    public void deliver(Notification n) {
        notifications.add(new At<>(n, time.now()));
    }

    @Override
    public void launch(ExternalCommand cmd) {
        commands.add(new At<>(cmd, time.now()));
    }

    @Override
    public int run(ExternalCommand cmd, Duration limit) {
        commands.add(new At<>(cmd, time.now()));
        return 0;
    }

    @Override
    public String describe() {
        return "record the shutdown";
    }

    @Override
    public void shutDown(StepLog log) throws ShutdownImpossible {
        shutdowns.add(time.now());
        if (impossible != null) {
            throw new ShutdownImpossible(impossible);
        }
    }

    List<NotifyType> types() {
        return notifications.stream().map(a -> a.what().type()).toList();
    }

    List<String> messages() {
        return notifications.stream().map(a -> a.what().message()).toList();
    }

    boolean hostWasShutDown() {
        return !shutdowns.isEmpty();
    }

    /** Seconds from the fake clock's start to the host shutdown. */
    double shutdownAt() {
        return Duration.between(FakeTime.START, shutdowns.get(0)).toMillis() / 1000.0;
    }
}
