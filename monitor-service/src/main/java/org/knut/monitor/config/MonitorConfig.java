package org.knut.monitor.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.knut.monitor.kubernetes.PowerOff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * MicroProfile Config of the monitor (system properties, {@code KNUT_MONITOR_...} environment variables,
 * application.properties). upsmon.conf is read first; these keys come after it, so a single-valued
 * directive set here wins and MONITOR lines add up.
 *
 * <pre>
 * knut.monitor.config                   path of upsmon.conf; default &lt;conf dir&gt;/upsmon.conf, the conf dir being
 *                                       knut.conf-path, else $NUT_CONFPATH, else /etc/nut. The -c FILE argument wins.
 *                                       The file may be missing when knut.monitor.monitor names the UPSes.
 * knut.monitor.dry-run                  true (or --dry-run): do everything but what takes machines down: FSD,
 *                                       POWERDOWNFLAG and SHUTDOWNCMD are logged, in order, with timings
 * knut.monitor.monitor                  MONITOR lines, comma-separated ("demo@host 1 user pass secondary")
 * knut.monitor.minsupplies              MINSUPPLIES
 * knut.monitor.pollfreq                 POLLFREQ (s)
 * knut.monitor.pollfreqalert            POLLFREQALERT (s)
 * knut.monitor.deadtime                 DEADTIME (s)
 * knut.monitor.hostsync                 HOSTSYNC (s)
 * knut.monitor.finaldelay               FINALDELAY (s)
 * knut.monitor.rbwarntime               RBWARNTIME (s)
 * knut.monitor.nocommwarntime           NOCOMMWARNTIME (s)
 * knut.monitor.notify-flag.TYPE         NOTIFYFLAG TYPE, e.g. knut.monitor.notify-flag.ONBATT=SYSLOG+WALL+EXEC or IGNORE
 * knut.monitor.notify-msg.TYPE          NOTIFYMSG TYPE, e.g. knut.monitor.notify-msg.ONBATT=%s lost mains power
 * knut.monitor.shutdown-cmd             SHUTDOWNCMD, one shell command line
 * knut.monitor.notify-cmd               NOTIFYCMD, a program path
 * knut.monitor.powerdown-flag           POWERDOWNFLAG
 * knut.monitor.timer.NAME.start-on      upssched-style timer NAME: notify types that start it (e.g. ONBATT)
 * knut.monitor.timer.NAME.cancel-on     notify types that cancel it (e.g. ONLINE)
 * knut.monitor.timer.NAME.seconds       how long it runs before it fires
 * knut.monitor.timer.NAME.command       shell command run when it fires, with NAME as $1 and UPSNAME,
 *                                       NOTIFYTYPE (the starting event) and KNUT_TIMER in its environment
 * knut.monitor.timer.NAME.ups           only for this UPS, as named on its MONITOR line (default: every UPS)
 * knut.monitor.threshold.charge         staged shutdown: leave when a UPS on battery reports battery.charge
 *                                       below this many percent
 * knut.monitor.threshold.runtime        ... battery.runtime below this many seconds
 * knut.monitor.threshold.on-battery     ... or has been on battery longer than this many seconds
 * knut.monitor.events-url               upsd's event stream (http://upsd:8080/api/v1/events): an event naming a
 *                                       monitored UPS polls it at once; polling stays the safety net
 * knut.monitor.host-shutdown-time       how long this host takes to power off once asked (the fire drill's
 *                                       estimate; in Kubernetes the kubelet's shutdownGracePeriod), default 30s
 * knut.monitor.kubernetes.*             Kubernetes mode, see {@link Kubernetes}
 * </pre>
 *
 * A threshold takes only this host out, without waiting for a primary: no FSD, no POWERDOWNFLAG, and a
 * primary gives its role up first (in Kubernetes it releases the Lease).
 */
@ConfigMapping(prefix = "knut.monitor")
public interface MonitorConfig {
    Optional<String> config();

    @WithDefault("false")
    boolean dryRun();

    Optional<List<String>> monitor();

    OptionalInt minsupplies();

    OptionalInt pollfreq();

    OptionalInt pollfreqalert();

    OptionalInt deadtime();

    OptionalInt hostsync();

    OptionalInt finaldelay();

    OptionalInt rbwarntime();

    OptionalInt nocommwarntime();

    /** NOTIFYFLAG per notify type (the key, any case). */
    Map<String, String> notifyFlag();

    /** NOTIFYMSG per notify type (the key, any case). */
    Map<String, String> notifyMsg();

    Optional<String> shutdownCmd();

    Optional<String> notifyCmd();

    Optional<String> powerdownFlag();

    Map<String, Timer> timer();

    Threshold threshold();

    Optional<String> eventsUrl();

    @WithDefault("30s")
    Duration hostShutdownTime();

    Kubernetes kubernetes();

    /**
     * Kubernetes mode: the monitor runs as a DaemonSet pod; the node's label or annotation picks its UPS,
     * the shutdown drains the node and powers it off, and a Lease makes one monitor the UPS's primary.
     */
    interface Kubernetes {
        @WithDefault("false")
        boolean enabled();

        /** This node; default the NODE_NAME environment variable (the downward API's spec.nodeName). */
        Optional<String> nodeName();

        /** Where the Leases and Events go; default POD_NAMESPACE, else the service account's namespace. */
        Optional<String> namespace();

        /** The node label, or else annotation, naming the UPS that feeds the node. */
        @WithDefault("knut.io/ups")
        String upsKey();

        /** The UPS of nodes without that label or annotation. */
        Optional<String> defaultUps();

        /** How long the evictions may take before the node is powered off anyway. */
        @WithDefault("60s")
        Duration evictionBudget();

        /** How soon an eviction a PodDisruptionBudget refused (429) is asked again. */
        @WithDefault("2s")
        Duration evictionRetry();

        /** The power-off step, run through /bin/sh: logind's PowerOff in the host's namespaces. */
        @WithDefault(PowerOff.DEFAULT)
        String poweroffCommand();

        @WithDefault("15s")
        Duration leaseDuration();

        @WithDefault("10s")
        Duration leaseRenewDeadline();

        @WithDefault("2s")
        Duration leaseRetryPeriod();
    }
    interface Timer {
        List<String> startOn();

        Optional<List<String>> cancelOn();

        int seconds();

        String command();

        Optional<String> ups();
    }

    interface Threshold {
        OptionalInt charge();

        OptionalInt runtime();

        OptionalInt onBattery();
    }
}
