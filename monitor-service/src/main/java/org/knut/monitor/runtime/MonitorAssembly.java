package org.knut.monitor.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.NotifyFlag;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.engine.NutUpsLink;
import org.knut.monitor.engine.TimeSource;
import org.knut.monitor.engine.Upsmon;
import org.knut.monitor.notify.ExecSink;
import org.knut.monitor.notify.LogSink;
import org.knut.monitor.notify.NotificationSink;
import org.knut.monitor.notify.Notifier;
import org.knut.monitor.notify.WallSink;
import org.knut.monitor.process.CommandRunner;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.PowerdownFlag;
import org.knut.monitor.shutdown.ShutdownCommand;

/** Wires the engine for a bare host: NUT protocol links, log/wall/NOTIFYCMD sinks, SHUTDOWNCMD as the last step. */
public final class MonitorAssembly {
    /** upsclient's default network timeout. */
    static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);
    /** How long SHUTDOWNCMD may take before the monitor stops waiting for it. */
    static final Duration SHUTDOWNCMD_LIMIT = Duration.ofMinutes(2);

    private MonitorAssembly() {
    }

    public static Upsmon bareHost(MonitorSettings settings, CommandRunner runner) {
        UpsmonConf conf = settings.conf();
        return upsmon(settings, runner, new ShutdownCommand(conf.shutdownCommandLine(), runner, SHUTDOWNCMD_LIMIT));
    }

    /** The engine with any final step; Kubernetes mode brings its own. */
    public static Upsmon upsmon(MonitorSettings settings, CommandRunner runner, HostShutdown host) {
        UpsmonConf conf = settings.conf();
        Map<NotifyFlag, NotificationSink> sinks = new EnumMap<>(NotifyFlag.class);
        sinks.put(NotifyFlag.SYSLOG, new LogSink());
        WallSink wall = WallSink.onPath(System.getenv("PATH"), runner);
        if (wall != null) {
            sinks.put(NotifyFlag.WALL, wall);
        }
        sinks.put(NotifyFlag.EXEC, new ExecSink(conf.notifications().command(), runner));
        Notifier notifier = new Notifier(conf.notifications(), sinks);
        PowerdownFlag flag = new PowerdownFlag(conf.powerDownFlag() == null ? null : Path.of(conf.powerDownFlag()));
        if (!settings.dryRun()) {
            flag.clearStale(); // a dry run leaves a real upsmon's flag alone
        }
        return new Upsmon(settings, m -> new NutUpsLink(m, NETWORK_TIMEOUT), notifier, host, flag, runner, TimeSource.SYSTEM);
    }
}
