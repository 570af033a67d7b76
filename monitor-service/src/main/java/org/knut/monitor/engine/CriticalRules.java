package org.knut.monitor.engine;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;
import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.Timings;
import org.knut.monitor.config.Thresholds;

/**
 * upsmon's {@code is_ups_critical}: whether a UPS can no longer be counted on to feed any host, and apart
 * from it knut's staged-shutdown thresholds: whether this host should leave early, the others staying
 * up. Each check returns why, or null while the UPS is fine.
 */
final class CriticalRules {
    private static final Logger LOG = Logger.getLogger(CriticalRules.class);

    private final Timings t;
    private final boolean alarmCritical;
    private final Thresholds thresholds;

    CriticalRules(UpsmonConf conf, Thresholds thresholds) {
        this.t = conf.timings();
        this.alarmCritical = conf.alarmCritical();
        this.thresholds = thresholds;
    }

    /** Why {@code ups} is critical at {@code now}, or null. Keeps the OB LB clock for OBLBDURATION. */
    String reason(MonitoredUps ups, Instant now) {
        if (ups.has(UpsFlag.FSD)) {
            return "FSD (forced shutdown) set";
        }
        if (ups.comm == Tri.NO) {
            String lost = lostWhile(ups, now);
            if (lost != null) {
                return lost;
            }
        }
        if (ups.has(UpsFlag.OFF) && t.offDuration() >= 0 && ups.offTooLong) {
            return "administratively OFF for longer than OFFDURATION " + t.offDuration() + " s";
        }
        if (!ups.has(UpsFlag.ONBATT) || !ups.has(UpsFlag.LOWBATT)) {
            if (ups.obLbSince != null) {
                LOG.warnf("UPS [%s] returned from OB+LB after %d s", ups.name(), Duration.between(ups.obLbSince, now).getSeconds());
                ups.obLbSince = null;
            }
            return null;
        }
        if (ups.has(UpsFlag.CAL)) {
            LOG.debugf("UPS [%s] is OB+LB but calibrating: not critical", ups.name());
            return null;
        }
        if (t.oblbDuration() > 0) {
            if (ups.obLbSince == null) {
                ups.obLbSince = now;
                LOG.warnf("UPS [%s] is OB+LB, waiting OBLBDURATION %d s to see whether it passes", ups.name(), t.oblbDuration());
                return null;
            }
            if (Duration.between(ups.obLbSince, now).compareTo(Duration.ofSeconds(t.oblbDuration())) < 0) {
                return null;
            }
        }
        if (ups.primary()) {
            return "on battery and low battery (OB LB)";
        }
        // a secondary gives the primary HOSTSYNC seconds to set FSD before leaving on its own
        if (MonitoredUps.longerThan(ups.lastNonCritical, now, t.hostSync())) {
            return "on battery and low battery (OB LB) for more than HOSTSYNC " + t.hostSync()
                    + " s without FSD from the primary";
        }
        return null;
    }

    /** The rules for a UPS that does not answer, judged by what it last reported. */
    private String lostWhile(MonitoredUps ups, Instant now) {
        if (ups.has(UpsFlag.OVER) && t.overDuration() >= 0 && ups.overSince != null
                && Duration.between(ups.overSince, now).compareTo(Duration.ofSeconds(t.overDuration())) >= 0) {
            return "unreachable, last seen overloaded for at least OVERDURATION " + t.overDuration() + " s";
        }
        if (ups.has(UpsFlag.ALARM) && alarmCritical) {
            return "unreachable, last seen in ALARM (ALARMCRITICAL)";
        }
        if (ups.has(UpsFlag.CAL)) {
            return "unreachable, last seen calibrating";
        }
        if (ups.has(UpsFlag.BYPASS)) {
            return "unreachable, last seen on bypass";
        }
        if (ups.offTooLong || (t.offDuration() >= 0 && ups.has(UpsFlag.OFF))) {
            return "unreachable, last seen administratively OFF";
        }
        return null;
    }

    /** This host's own staged threshold reached on {@code ups}: why, or null. Says nothing about the other hosts. */
    String ownThreshold(MonitoredUps ups, Instant now) {
        if (!ups.has(UpsFlag.ONBATT)) {
            return null;
        }
        Integer longer = thresholds.onBatteryLongerThan();
        if (longer != null && ups.onBattSince != null && MonitoredUps.longerThan(ups.onBattSince, now, longer)) {
            return "on battery for more than " + longer + " s (knut.monitor.threshold.on-battery)";
        }
        BatteryReading b = ups.battery;
        if (b == null || ups.comm != Tri.YES) {
            return null;
        }
        Integer charge = thresholds.chargeBelow();
        if (charge != null && b.charge() != null && b.charge() < charge) {
            return "battery.charge " + fmt(b.charge()) + " % below " + charge + " % (knut.monitor.threshold.charge)";
        }
        Integer runtime = thresholds.runtimeBelow();
        if (runtime != null && b.runtime() != null && b.runtime() < runtime) {
            return "battery.runtime " + fmt(b.runtime()) + " s below " + runtime + " s (knut.monitor.threshold.runtime)";
        }
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
