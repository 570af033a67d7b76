package org.knut.monitor.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.core.config.UpsmonConf.Timings;
import org.knut.monitor.notify.Notifier;

/**
 * One MONITORed UPS as upsmon tracks it: the status words it last reported, whether it is reachable,
 * and the moments the shutdown rules measure from. {@link #statusReceived} is upsmon's
 * {@code parse_status}: every change of a status word is announced once, with NUT's notify type.
 * The fields are package-private for {@link CriticalRules}, which reads them (and keeps obLbSince).
 */
public final class MonitoredUps {
    private static final Logger LOG = Logger.getLogger(MonitoredUps.class);

    /** Reads ups.alarm when the status says ALARM; null when the UPS does not report it. */
    @FunctionalInterface
    public interface AlarmSource {
        String read();
    }

    final Monitor monitor;
    final UpsLink link;
    private final Roles roles;
    /** The role the open session logged in with. */
    boolean loggedInAsPrimary;
    private final Timings timings;
    private final Notifier notifier;

    final EnumSet<UpsFlag> flags = EnumSet.noneOf(UpsFlag.class);
    Tri comm = Tri.UNKNOWN;
    private Tri line = Tri.UNKNOWN;
    /** OFF has lasted OFFDURATION: the UPS is taken as not feeding the load. */
    boolean offTooLong;
    /** Epoch = never, as upsmon's zeroed time_t (an RB at startup warns at once, a dead UPS is overdue). */
    Instant lastPoll = Instant.EPOCH;
    Instant lastNonCritical = Instant.EPOCH;
    private Instant lastReplBattWarn = Instant.EPOCH;
    private Instant lastNoCommWarn = Instant.EPOCH;
    Instant overSince;
    Instant obLbSince;
    Instant onBattSince;
    private Instant offSince;
    private boolean fsdNotified;
    private Set<String> otherWords = Set.of();
    private String lastAlarm;
    private String status = "";
    BatteryReading battery;

    public MonitoredUps(Monitor monitor, UpsLink link, Roles roles, Timings timings, Notifier notifier) {
        this.monitor = monitor;
        this.link = link;
        this.roles = roles;
        this.timings = timings;
        this.notifier = notifier;
    }

    public String name() {
        return monitor.system();
    }

    /** Whether this monitor is the UPS's primary now (upsmon.conf, or the Lease in Kubernetes). */
    public boolean primary() {
        return roles.primary(monitor);
    }

    public boolean has(UpsFlag f) {
        return flags.contains(f);
    }

    public boolean communicating() {
        return comm == Tri.YES;
    }

    /** The ups.status text of the last successful poll. */
    public String status() {
        return status;
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    /** upsmon's {@code parse_status}; an empty status counts as no answer. */
    public void statusReceived(Instant now, String statusText, AlarmSource alarm) {
        if (statusText == null || statusText.isBlank()) {
            gone(now);
            return;
        }
        alive(now);
        status = statusText;
        List<String> words = List.of(statusText.trim().split("\\s+"));
        Set<String> present = new LinkedHashSet<>();
        for (String w : words) {
            present.add(w.toUpperCase(Locale.ROOT));
        }
        // words that disappeared: clear them first, announcing the NOT... events
        if (!present.contains("LB")) {
            flags.remove(UpsFlag.LOWBATT);
        }
        if (!present.contains("FSD")) {
            flags.remove(UpsFlag.FSD);
            fsdNotified = false;
        }
        if (!present.contains("CAL")) {
            leave(UpsFlag.CAL, NotifyType.NOTCAL);
        }
        if (!present.contains("OFF")) {
            offSince = null;
            offTooLong = false;
            leave(UpsFlag.OFF, NotifyType.NOTOFF);
        }
        if (!present.contains("BYPASS")) {
            leave(UpsFlag.BYPASS, NotifyType.NOTBYPASS);
        }
        if (!present.contains("ALARM")) {
            lastAlarm = null;
            leave(UpsFlag.ALARM, NotifyType.NOTALARM);
        }
        if (!present.contains("OVER")) {
            overSince = null;
            leave(UpsFlag.OVER, NotifyType.NOTOVER);
        }
        if (!present.contains("TRIM")) {
            leave(UpsFlag.TRIM, NotifyType.NOTTRIM);
        }
        if (!present.contains("BOOST")) {
            leave(UpsFlag.BOOST, NotifyType.NOTBOOST);
        }
        if (!present.contains("ECO")) {
            leave(UpsFlag.ECO, NotifyType.NOTECO);
        }
        List<String> others = new ArrayList<>();
        for (String w : words) {
            switch (w.toUpperCase(Locale.ROOT)) {
                case "OL" -> onLine();
                case "OB" -> onBattery(now);
                case "LB" -> enter(UpsFlag.LOWBATT, NotifyType.LOWBATT, null);
                case "RB" -> replaceBattery(now);
                case "CAL" -> enter(UpsFlag.CAL, NotifyType.CAL, null);
                case "OFF" -> off(now);
                case "BYPASS" -> enter(UpsFlag.BYPASS, NotifyType.BYPASS, null);
                case "ECO" -> enter(UpsFlag.ECO, NotifyType.ECO, null);
                case "ALARM" -> alarm(alarm);
                case "OVER" -> over(now);
                case "TRIM" -> enter(UpsFlag.TRIM, NotifyType.TRIM, null);
                case "BOOST" -> enter(UpsFlag.BOOST, NotifyType.BOOST, null);
                case "FSD" -> forcedShutdown();
                case "HB", "CHRG", "DISCHRG" -> {
                    // known words upsmon does not react to
                }
                default -> others.add(w);
            }
            // upsmon's update_crittimer, after every word: the last moment the UPS was not OB+LB
            if (!flags.contains(UpsFlag.ONBATT) || !flags.contains(UpsFlag.LOWBATT) || flags.contains(UpsFlag.CAL)) {
                lastNonCritical = now;
            }
        }
        otherWords(others);
    }

    /** No answer from the UPS this poll: COMMBAD once, then NOCOMM every NOCOMMWARNTIME. */
    public void gone(Instant now) {
        if (comm != Tri.NO) {
            comm = Tri.NO;
            notify(NotifyType.COMMBAD, null);
            return;
        }
        int warn = timings.noCommWarnTime();
        if (Duration.between(lastPoll, now).getSeconds() < warn) {
            return;
        }
        if (longerThan(lastNoCommWarn, now, warn)) {
            notify(NotifyType.NOCOMM, null);
            lastNoCommWarn = now;
        }
    }

    /** upsmon's recalc: a UPS unheard of for DEADTIME that was last seen on battery is taken as OB LB. */
    public void promoteIfDead(Instant now) {
        if (longerThan(lastPoll, now, timings.deadTime()) && flags.contains(UpsFlag.ONBATT) && flags.add(UpsFlag.LOWBATT)) {
            LOG.warnf("Promoting dead UPS: %s (last seen on battery %d s ago, DEADTIME %d s)", name(),
                    Duration.between(lastPoll, now).getSeconds(), timings.deadTime());
        }
    }

    private void alive(Instant now) {
        lastPoll = now;
        if (comm == Tri.NO) {
            notify(NotifyType.COMMOK, null);
        }
        comm = Tri.YES;
    }

    private void onLine() {
        if (flags.contains(UpsFlag.ONLINE)) {
            return;
        }
        if (line != Tri.UNKNOWN) {
            notify(NotifyType.ONLINE, null);
        }
        line = Tri.YES;
        flags.add(UpsFlag.ONLINE);
        flags.remove(UpsFlag.ONBATT);
        onBattSince = null;
        battery = null;
    }

    private void onBattery(Instant now) {
        if (flags.contains(UpsFlag.ONBATT)) {
            return;
        }
        line = Tri.NO;
        notify(NotifyType.ONBATT, null);
        flags.add(UpsFlag.ONBATT);
        flags.remove(UpsFlag.ONLINE);
        onBattSince = now;
    }

    private void replaceBattery(Instant now) {
        if (longerThan(lastReplBattWarn, now, timings.rbWarnTime())) {
            notify(NotifyType.REPLBATT, null);
            lastReplBattWarn = now;
        }
    }

    private void off(Instant now) {
        int duration = timings.offDuration();
        if (flags.contains(UpsFlag.OFF)) {
            if (offSince == null) {
                offSince = now;
            } else if (duration > 0 && !offTooLong && longerThan(offSince, now, duration)) {
                LOG.warnf("%s is in state OFF for more than %d s, assuming the line is not fed (see OFFDURATION)", name(), duration);
                offTooLong = true;
            }
            return;
        }
        offSince = now;
        if (duration == 0) {
            LOG.warnf("%s is in state OFF, assuming the line is not fed (see OFFDURATION)", name());
            offTooLong = true;
        }
        enter(UpsFlag.OFF, NotifyType.OFF, null);
    }

    private void alarm(AlarmSource source) {
        String text = source.read();
        if (flags.contains(UpsFlag.ALARM)) {
            if (text != null && !text.equals(lastAlarm)) {
                lastAlarm = text;
                notify(NotifyType.ALARM, text); // the alarms changed: announce the new ones
            }
            return;
        }
        lastAlarm = text == null ? "" : text;
        enter(UpsFlag.ALARM, NotifyType.ALARM, text == null ? "n/a" : text);
    }

    private void over(Instant now) {
        if (flags.contains(UpsFlag.OVER)) {
            if (overSince == null) {
                overSince = now;
            }
            return;
        }
        overSince = now;
        enter(UpsFlag.OVER, NotifyType.OVER, null);
    }

    private void forcedShutdown() {
        if (flags.add(UpsFlag.FSD) && !fsdNotified) {
            fsdNotified = true;
            notify(NotifyType.FSD, null);
        }
    }

    /** The primary's own FSD succeeded: announce it unless this UPS's FSD was announced already. */
    void fsdSet() {
        if (!fsdNotified) {
            fsdNotified = true;
            notify(NotifyType.FSD, null);
        }
    }

    private void otherWords(List<String> others) {
        Set<String> now = new LinkedHashSet<>(others);
        if (now.equals(otherWords)) {
            return;
        }
        otherWords = now;
        if (now.isEmpty()) {
            notify(NotifyType.NOTOTHER, null);
        } else {
            notify(NotifyType.OTHER, String.join(" ", now));
        }
    }

    private void enter(UpsFlag flag, NotifyType type, String extra) {
        if (flags.add(flag)) {
            notify(type, extra);
        }
    }

    private void leave(UpsFlag flag, NotifyType type) {
        if (flags.remove(flag)) {
            notify(type, null);
        }
    }

    private void notify(NotifyType type, String extra) {
        notifier.notify(type, name(), extra);
    }

    /** More than {@code seconds} from {@code from} to {@code to}, as upsmon's {@code (now - t) > limit}. */
    static boolean longerThan(Instant from, Instant to, long seconds) {
        return Duration.between(from, to).compareTo(Duration.ofSeconds(seconds)) > 0;
    }
}
