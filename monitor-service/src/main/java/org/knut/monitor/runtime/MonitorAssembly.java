package org.knut.monitor.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.NotifyFlag;
import org.knut.monitor.config.MonitorSettings;
import org.knut.monitor.engine.MonitorTls;
import org.knut.monitor.engine.NutUpsLink;
import org.knut.monitor.engine.Roles;
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

/** Wires the engine: NUT protocol links, log/wall/NOTIFYCMD sinks, and on a bare host SHUTDOWNCMD as the last step. */
public final class MonitorAssembly {
    /** upsclient's default network timeout. */
    static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);
    /** How long SHUTDOWNCMD may take before the monitor stops waiting for it. */
    static final Duration SHUTDOWNCMD_LIMIT = Duration.ofMinutes(2);

    private MonitorAssembly() {
    }

    public static Upsmon bareHost(MonitorSettings settings, CommandRunner runner) {
        UpsmonConf conf = settings.conf();
        return upsmon(settings, runner, new ShutdownCommand(conf.shutdownCommandLine(), runner, SHUTDOWNCMD_LIMIT), Roles.CONFIGURED,
                List.of());
    }

    /**
     * The engine with any final step, roles and extra listeners that hear every notification; Kubernetes
     * mode brings its own step, the Lease's roles and the node's Events.
     */
    public static Upsmon upsmon(MonitorSettings settings, CommandRunner runner, HostShutdown host, Roles roles,
            List<NotificationSink> listeners) {
        UpsmonConf conf = settings.conf();
        Map<NotifyFlag, NotificationSink> sinks = new EnumMap<>(NotifyFlag.class);
        sinks.put(NotifyFlag.SYSLOG, new LogSink());
        WallSink wall = WallSink.onPath(System.getenv("PATH"), runner);
        if (wall != null) {
            sinks.put(NotifyFlag.WALL, wall);
        }
        sinks.put(NotifyFlag.EXEC, new ExecSink(conf.notifications().command(), runner));
        Notifier notifier = new Notifier(conf.notifications(), sinks);
        listeners.forEach(notifier::addListener);
        PowerdownFlag flag = new PowerdownFlag(conf.powerDownFlag() == null ? null : Path.of(conf.powerDownFlag()));
        if (!settings.dryRun()) {
            flag.clearStale(); // a dry run leaves a real upsmon's flag alone
        }
        return new Upsmon(settings, m -> new NutUpsLink(m, NETWORK_TIMEOUT,
                MonitorTls.forHost(conf.tls(), m.ups().host())), roles, notifier, host, flag, runner, TimeSource.SYSTEM);
    }
}
