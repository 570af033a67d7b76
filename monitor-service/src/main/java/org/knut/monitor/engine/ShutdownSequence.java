package org.knut.monitor.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.core.protocol.NutException;
import org.knut.monitor.notify.Notifier;
import org.knut.monitor.shutdown.HostShutdown;
import org.knut.monitor.shutdown.PowerdownFlag;

/**
 * upsmon's {@code forceshutdown} and {@code doshutdown}: a primary sets FSD on its UPSes and waits up to
 * HOSTSYNC for the secondaries to log out (NUMLOGINS), then every host notifies SHUTDOWN, waits
 * FINALDELAY, writes POWERDOWNFLAG and shuts down. A dry run logs FSD, POWERDOWNFLAG and the final step
 * instead of doing them: those are what would take this or other machines down.
 */
final class ShutdownSequence {
    /** upsmon polls NUMLOGINS every 250 ms while it waits for the secondaries. */
    static final Duration HOSTSYNC_POLL = Duration.ofMillis(250);

    private final UpsmonConf conf;
    private final boolean dryRun;
    private final Notifier notifier;
    private final HostShutdown host;
    private final PowerdownFlag flag;
    private final TimeSource time;

    ShutdownSequence(UpsmonConf conf, boolean dryRun, Notifier notifier, HostShutdown host, PowerdownFlag flag, TimeSource time) {
        this.conf = conf;
        this.dryRun = dryRun;
        this.notifier = notifier;
        this.host = host;
        this.flag = flag;
        this.time = time;
    }

    /** Runs the whole shutdown; returns its logged steps. */
    List<String> run(List<MonitoredUps> upses, String why) throws InterruptedException {
        ShutdownLog log = new ShutdownLog(time, dryRun);
        log.step("shutdown begins: " + why);
        host.begin(why, log);
        List<MonitoredUps> primaries = upses.stream().filter(MonitoredUps::primary).toList();
        for (MonitoredUps p : primaries) {
            setFsd(p, log);
        }
        if (primaries.isEmpty()) {
            log.step("secondary for every UPS: no FSD to set, no secondaries to wait for");
        } else {
            waitForSecondaries(primaries, log);
        }
        finalSteps(log);
        return log.steps();
    }

    private void setFsd(MonitoredUps ups, ShutdownLog log) {
        if (dryRun) {
            log.step("would set FSD on UPS " + ups.name() + " (not sent: it would shut the secondaries down)");
            return;
        }
        try {
            ups.link.fsd();
            log.step("FSD set on UPS " + ups.name());
            ups.fsdSet();
        } catch (IOException | NutException e) {
            log.step("FSD set on UPS " + ups.name() + " failed: " + e.getMessage());
        }
    }

    /** upsmon's {@code sync_secondaries}: until only this host is logged in to each primary UPS, or HOSTSYNC passed. */
    private void waitForSecondaries(List<MonitoredUps> primaries, ShutdownLog log) throws InterruptedException {
        int hostSync = conf.timings().hostSync();
        for (int round = 1;; round++) {
            int max = 0;
            for (MonitoredUps p : primaries) {
                try {
                    max = Math.max(max, p.link.numLogins());
                } catch (IOException | NutException e) {
                    // an unreachable upsd has no secondaries left to wait for
                }
            }
            if (max <= 1) {
                log.step(round == 1 ? "no secondaries logged in (NUMLOGINS " + max + ")"
                        : "all secondaries logged out (NUMLOGINS " + max + ")");
                return;
            }
            if (log.elapsed().compareTo(Duration.ofSeconds(hostSync)) > 0) {
                log.step("Host sync timer expired, forcing shutdown (NUMLOGINS still " + max + " after HOSTSYNC "
                        + hostSync + " s)");
                return;
            }
            if (round == 1) {
                log.step("waiting up to HOSTSYNC " + hostSync + " s for " + (max - 1)
                        + " secondaries to log out (NUMLOGINS " + max + ")");
                notifier.notify(NotifyType.SHUTDOWN_HOSTSYNC, null, null);
            }
            time.sleep(HOSTSYNC_POLL);
        }
    }

    private void finalSteps(ShutdownLog log) throws InterruptedException {
        log.step("Executing automatic power-fail shutdown");
        if (!dryRun) {
            notifier.wall("Executing automatic power-fail shutdown");
        }
        notifier.notify(NotifyType.SHUTDOWN, null, null);
        int finalDelay = conf.timings().finalDelay();
        if (finalDelay > 0) {
            log.step("notified SHUTDOWN, waiting FINALDELAY " + finalDelay + " s");
            time.sleep(Duration.ofSeconds(finalDelay));
        }
        if (flag.path() != null) {
            if (dryRun) {
                log.step("would create POWERDOWNFLAG " + flag.path());
            } else if (flag.create()) {
                log.step("created POWERDOWNFLAG " + flag.path());
            }
        }
        if (dryRun) {
            host.rehearse(log);
            return;
        }
        log.step(host.describe());
        host.shutDown(log);
        log.step("shutdown step done");
    }
}
