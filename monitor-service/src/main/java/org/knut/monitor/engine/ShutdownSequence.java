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
import org.knut.monitor.shutdown.ShutdownImpossible;

/**
 * upsmon's {@code forceshutdown} and {@code doshutdown}: a primary sets FSD on its UPSes and waits up to
 * HOSTSYNC for the secondaries to log out (NUMLOGINS), then every host notifies SHUTDOWN, waits
 * FINALDELAY, writes POWERDOWNFLAG and shuts down. {@link #leave} is knut's departure on this host's
 * own threshold: the same final steps without FSD, HOSTSYNC or POWERDOWNFLAG, after giving up the primary
 * role so another monitor takes it. A dry run logs FSD, POWERDOWNFLAG, the release of the role and the
 * final step instead of doing them: those are what would take this or other machines down.
 */
final class ShutdownSequence {
    /** upsmon polls NUMLOGINS every 250 ms while it waits for the secondaries. */
    static final Duration HOSTSYNC_POLL = Duration.ofMillis(250);

    private final UpsmonConf conf;
    private final boolean dryRun;
    private final Roles roles;
    private final Notifier notifier;
    private final HostShutdown host;
    private final PowerdownFlag flag;
    private final TimeSource time;

    ShutdownSequence(UpsmonConf conf, boolean dryRun, Roles roles, Notifier notifier, HostShutdown host, PowerdownFlag flag,
            TimeSource time) {
        this.conf = conf;
        this.dryRun = dryRun;
        this.roles = roles;
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
        finalSteps(log, true);
        return log.steps();
    }

    /**
     * This host alone leaves: the UPS still feeds the others, so no FSD (it would take them all down) and no
     * POWERDOWNFLAG (it would cut their power); a primary hands its role on first, so that one of the hosts
     * that stay sets FSD when NUT's critical condition comes.
     */
    List<String> leave(List<MonitoredUps> upses, String why) throws InterruptedException {
        ShutdownLog log = new ShutdownLog(time, dryRun);
        log.step("this host leaves alone: " + why);
        host.begin(why, log);
        List<String> primaryOf = upses.stream().filter(MonitoredUps::primary).map(MonitoredUps::name).toList();
        if (primaryOf.isEmpty()) {
            log.step("secondary for every UPS: nothing to hand on");
        } else if (dryRun) {
            log.step("would give up the primary role of " + primaryOf + " without setting FSD");
        } else {
            String resigned = roles.resign();
            log.step(resigned != null ? resigned + "; FSD not set"
                    : "primary of " + primaryOf + " by upsmon.conf: FSD not set, the secondaries stay up and leave by their own rules");
        }
        finalSteps(log, false);
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

    private void finalSteps(ShutdownLog log, boolean powerDownFlag) throws InterruptedException {
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
        if (powerDownFlag && flag.path() != null) {
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
        try {
            host.shutDown(log);
            log.step("shutdown step done");
        } catch (ShutdownImpossible e) {
            log.step(e.getMessage());
            notifier.notify(NotifyType.NOPARENT, null, null);
        }
    }
}
