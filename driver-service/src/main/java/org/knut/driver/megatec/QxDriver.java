package org.knut.driver.megatec;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.core.model.Range;
import org.knut.core.model.VarFlag;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.megatec.QxItem.Flag;
import org.knut.driver.megatec.QxItem.Process;
import org.knut.driver.megatec.QxSubdriver.Delay;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;
import org.knut.core.text.CNumbers;

/**
 * NUT's nutdrv_qx over a serial port: the subdrivers are tried in order (or the one {@code protocol}
 * names), each up to three times, until one claims the device; its rows are then read by column. A
 * full poll every {@code pollfreq} reads every row that is not static; the polls in between read only
 * the status rows. A row that cannot be read keeps its old value; a status row that cannot be read
 * fails the poll, so a garbled answer never changes {@code ups.status}. As in nutdrv_qx, up to four
 * failed polls in a row keep the data; the fifth marks it stale. A device that is gone is stale at once.
 */
final class QxDriver implements UpsDriver {
    private static final Logger LOG = Logger.getLogger(QxDriver.class);
    /** nutdrv_qx's MAXTRIES. */
    static final int MAX_TRIES = 3;
    /** nutdrv_qx's answer buffer (SMALLBUF). */
    private static final int MAX_REPLY = 512;
    /** nutdrv_qx's SER_WAIT_SEC. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);

    private enum Walk { INIT, QUICK, FULL }

    private final QxOptions options;
    private final SerialDevice device;
    private final Clock clock;
    private final QxBattery battery;
    private final QxStatus status = new QxStatus();
    private final QxRowDecoder rows = new QxRowDecoder(status);
    private final Set<QxItem> skipped = new HashSet<>();
    private QxSubdriver subdriver;
    private long lastFullPoll;
    private boolean dataChanged;
    private int failures;

    QxDriver(QxOptions options, SerialDevice device, Clock clock) {
        this.options = options;
        this.device = device;
        this.clock = clock;
        this.battery = new QxBattery(options);
    }

    @Override
    public void init(DriverState state) throws DriverException {
        try {
            device.link();
            subdriver = match(state);
            skipByOptions(state);
            state.setInfo("driver.version.data", subdriver.version());
            if (!walk(Walk.INIT, state)) {
                throw new DriverException("Can't initialise data from the UPS");
            }
        } catch (IOException e) {
            throw new DriverException(e.getMessage(), e);
        }
        battery.init(state, now());
        delay(state, "ups.delay.start", subdriver.ondelay(), options.ondelay(), "Start");
        delay(state, "ups.delay.shutdown", subdriver.offdelay(), options.offdelay(), "Shutdown");
        for (QxCommand c : subdriver.commands()) {
            if (c.available(state)) {
                state.addCommand(c.name());
            }
        }
        state.setInfo("driver.parameter.pollfreq", String.valueOf(options.pollfreq()));
        lastFullPoll = now();
    }

    /** subdriver_matcher: the first subdriver whose claim succeeds within three tries. */
    private QxSubdriver match(DriverState state) throws IOException, DriverException {
        List<QxSubdriver> candidates = options.protocol() != null ? List.of(options.protocol()) : QxSubdrivers.ALL;
        for (QxSubdriver s : candidates) {
            subdriver = s;
            for (int i = 0; i < MAX_TRIES; i++) {
                if (claims(s, state)) {
                    LOG.infof("Using protocol: %s", s.version());
                    return s;
                }
            }
        }
        throw new DriverException("Device not supported!");
    }

    private boolean claims(QxSubdriver s, DriverState state) throws IOException {
        return switch (s.claim()) {
            case STATUS -> read(s.item("input.voltage"), state);
            case STATUS_AND_VENDOR -> read(s.item("input.voltage"), state)
                    && (!options.vendor() || readOrForget(s.item("ups.firmware"), "input.voltage", state));
            case PROTOCOL_AND_STATUS -> read(s.item("ups.firmware.aux"), state)
                    && readOrForget(s.item("input.voltage"), "ups.firmware.aux", state);
            case STATUS_AND_PROTOCOL -> read(s.item("input.voltage"), state)
                    && readOrForget(s.item("ups.firmware.aux"), "input.voltage", state);
            case STATUS_AND_P98_OR_REFUSAL -> read(s.item("input.voltage"), state) && p98OrRefusal(s.item("ups.firmware.aux"), state);
        };
    }

    /** The protocol row answered with P98, or refused as an ACK/NAK unit refuses; that refusal is not asked again. */
    private boolean p98OrRefusal(QxItem protocol, DriverState state) throws IOException {
        String answer = ask(protocol.command() + "\r");
        if (answer.equalsIgnoreCase(subdriver.rejected())) {
            skipped.add(protocol);
            return true;
        }
        try {
            rows.publish(protocol, cut(protocol, answer), state);
            return true;
        } catch (BadReply e) {
            LOG.debugf("%s: %s", protocol.var(), e.getMessage());
            state.delInfo("input.voltage");
            return false;
        }
    }

    private boolean readOrForget(QxItem item, String forget, DriverState state) throws IOException {
        if (read(item, state)) {
            return true;
        }
        state.delInfo(forget);
        return false;
    }

    /** One row on its own: query, cut, publish. */
    private boolean read(QxItem item, DriverState state) throws IOException {
        try {
            rows.publish(item, cut(item, ask(item.command() + "\r")), state);
            return true;
        } catch (BadReply e) {
            LOG.debugf("%s: %s", item.var(), e.getMessage());
            return false;
        }
    }

    /**
     * blazer_initups: norating, novendor and ignoresab take rows out of the walk; so does the protocol
     * of a QS-Hex unit without ratings bits (P).
     */
    private void skipByOptions(DriverState state) {
        boolean hexRatings = QxSubdrivers.qsHexT(state.value("ups.firmware.aux"));
        for (QxItem item : subdriver.items()) {
            boolean rating = item.command().equals("F");
            boolean vendor = item.command().equals("I") || item.command().equals("FW?");
            if (subdriver.ratingVendorFlags() && ((rating && !options.rating()) || (vendor && !options.vendor()))
                    || options.ignoreShutdownActive() && item.var().equals("ups.status") && item.from() == 44
                    || item.process() == Process.HEX_RATING && !hexRatings) {
                skipped.add(item);
            }
        }
    }

    /** qx_ups_walk: the rows the walk reads, one query per run of rows that share it. */
    private boolean walk(Walk mode, DriverState state) throws IOException {
        if (mode == Walk.FULL) {
            battery.fullPollStarts();
        }
        String lastQuery = null;
        String lastAnswer = "";
        for (QxItem item : subdriver.items()) {
            if (skipped.contains(item) || !walks(mode, item, state)) {
                continue;
            }
            String answer = item.command().equalsIgnoreCase(lastQuery) && !lastAnswer.isEmpty() ? lastAnswer : ask(item.command() + "\r");
            lastQuery = item.command();
            lastAnswer = answer;
            String raw;
            try {
                raw = cut(item, answer);
            } catch (BadReply e) {
                LOG.debugf("%s: %s", item.var(), e.getMessage());
                if (item.has(Flag.QUICK_POLL)) {
                    return false;
                }
                if (mode == Walk.INIT) {
                    skipped.add(item); // nutdrv_qx stops asking for what the UPS did not answer at start
                }
                continue;
            }
            try {
                rows.publish(item, raw, state);
            } catch (BadReply e) {
                LOG.debugf("%s: %s", item.var(), e.getMessage());
                if (item.has(Flag.QUICK_POLL)) {
                    return false;
                }
            }
        }
        if (mode == Walk.FULL) {
            battery.fullPollDone(state, status.online(), now());
        }
        return true;
    }

    private boolean walks(Walk mode, QxItem item, DriverState state) {
        return switch (mode) {
            case INIT -> item.var().equals("ups.status") || item.var().equals("ups.alarm") || state.value(item.var()) == null;
            case QUICK -> item.has(Flag.QUICK_POLL);
            case FULL -> !item.has(Flag.STATIC) && (!item.has(Flag.SEMI_STATIC) || dataChanged);
        };
    }

    /** The row's text in an answer, unless the answer is the subdriver's refusal. */
    private String cut(QxItem item, String answer) throws BadReply {
        if (subdriver.rejected() != null && answer.equalsIgnoreCase(subdriver.rejected())) {
            throw new BadReply("query rejected by the UPS (" + item.var() + ")");
        }
        return item.cut(item.process().hexAnswer() ? QsHex.refine(answer) : answer);
    }

    /** A settable delay: published with its range, then set from ups.conf as a client would set it. */
    private void delay(DriverState state, String var, Delay d, String configured, String what) throws DriverException {
        state.setInfo(var, String.valueOf(d.initial()));
        state.setFlags(var, EnumSet.of(VarFlag.RW));
        state.addRange(var, new Range(String.valueOf(d.min()), String.valueOf(d.max())));
        if (configured != null && setvar(state, var, configured) != TrackingResult.HANDLED) {
            throw new DriverException(what + " delay '" + configured + "' out of range");
        }
    }

    private String ask(String command) throws IOException {
        device.discardInput();
        device.write(command, Duration.ZERO);
        String reply = device.readUntil('\r', MAX_REPLY, REPLY_TIMEOUT, SerialDevice.CharFilter.KEEP_ALL);
        return reply == null ? "" : reply + "\r";
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Override
    public void update(DriverState state) throws DriverException {
        long now = now();
        boolean full = now > lastFullPoll + options.pollfreq() || dataChanged;
        boolean ok;
        try {
            if (full) {
                status.clear();
            }
            ok = walk(full ? Walk.FULL : Walk.QUICK, state);
        } catch (IOException e) {
            failures = MAX_TRIES + 1;
            throw new DriverException(e.getMessage(), e);
        }
        if (!ok) {
            if (failures <= MAX_TRIES) {
                LOG.debug("Communications with the UPS lost: status read failed!");
                failures++;
                return;
            }
            throw new DriverException("Communications with the UPS lost: status read failed!");
        }
        if (full) {
            lastFullPoll = now;
            dataChanged = false;
            status.commitAlarms(state);
        }
        status.commit(state);
        if (failures > MAX_TRIES) {
            LOG.info("Communications with the UPS re-established");
        }
        failures = 0;
    }

    @Override
    public TrackingResult instcmd(DriverState state, String command, String parameter) {
        QxCommand c = subdriver.command(command);
        if (c == null || !c.available(state)) {
            LOG.errorf("instcmd: command %s unavailable", command);
            return TrackingResult.UNKNOWN;
        }
        String answer;
        try {
            answer = ask(c.wire(parameter, state));
        } catch (IllegalArgumentException | IOException e) {
            LOG.errorf("instcmd(%s, %s): FAILED: %s", command, parameter, e.getMessage());
            return TrackingResult.FAILED;
        }
        if (!subdriver.reply().done(answer, subdriver.rejected())) {
            LOG.errorf("instcmd(%s, %s): FAILED", command, parameter);
            return TrackingResult.FAILED;
        }
        LOG.infof("instcmd(%s, %s): SUCCEED", command, parameter);
        dataChanged = true;
        return TrackingResult.HANDLED;
    }

    /** Only the two delays are settable; they live in the driver and shape the shutdown commands. */
    @Override
    public TrackingResult setvar(DriverState state, String variable, String value) {
        Delay d = variable.equalsIgnoreCase("ups.delay.start") ? subdriver.ondelay()
                : variable.equalsIgnoreCase("ups.delay.shutdown") ? subdriver.offdelay() : null;
        if (d == null) {
            return TrackingResult.UNKNOWN;
        }
        if (value.isEmpty() || !value.chars().allMatch(c -> c == ' ' || c == '.' || (c >= '0' && c <= '9'))) {
            LOG.errorf("setvar: non numerical value [%s: %s]", variable, value);
            return TrackingResult.UNKNOWN;
        }
        long v = CNumbers.strtol(value);
        if (v < d.min() || v > d.max()) {
            LOG.errorf("setvar: value out of range [%s: %s]", variable, value);
            return TrackingResult.UNKNOWN;
        }
        // the UPS counts the start delay in minutes, the shutdown delay in tenths of a minute up to one minute
        long settable = d == subdriver.ondelay() ? v - v % 60 : v < 60 ? v - v % 6 : v - v % 60;
        state.setInfo(variable.toLowerCase(Locale.ROOT), String.valueOf(settable));
        return TrackingResult.HANDLED;
    }

    /** upsdrv_shutdown: cancel a pending shutdown, then shutdown.return (or stayoff) with the delays. */
    @Override
    public void shutdown(DriverState state) throws DriverException {
        boolean stopped = subdriver.command("shutdown.stop") == null;
        for (int i = 1; i <= MAX_TRIES && !stopped; i++) {
            stopped = instcmd(state, "shutdown.stop", null) == TrackingResult.HANDLED;
        }
        if (!stopped) {
            LOG.info("No shutdown pending");
        }
        String command = options.stayoff() ? "shutdown.stayoff" : "shutdown.return";
        for (int i = 1; i <= MAX_TRIES; i++) {
            if (instcmd(state, command, null) == TrackingResult.HANDLED) {
                LOG.infof("Shutting down in %s seconds", state.value("ups.delay.shutdown"));
                return;
            }
        }
        throw new DriverException("Shutdown failed!");
    }

    @Override
    public void close() {
        device.close();
    }
}
