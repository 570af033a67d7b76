package org.knut.driver.megatec;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;
import org.knut.core.text.CNumbers;

/**
 * The Megatec/Q1 protocol engine, as NUT's blazer core runs it: at start the status query of each of
 * the dialect's protocols is tried until one answers, then the ratings ({@code F}) and vendor
 * ({@code I}) are read once; every poll reads the status line. The status line's values are published
 * only when the whole line is well formed, so a garbled answer never changes {@code ups.status}. As in
 * blazer, up to four unanswered polls in a row keep the last good data; the fifth marks it stale. A
 * device that is gone marks it stale at once, and the next poll opens it again.
 */
final class MegatecDriver implements UpsDriver {
    private static final Logger LOG = Logger.getLogger(MegatecDriver.class);
    /** blazer's MAXTRIES. */
    static final int MAX_TRIES = 3;
    /** blazer's reply buffer (SMALLBUF). */
    private static final int MAX_REPLY = 512;
    /** Status line variables in field order, with their printf precision. */
    private static final String[] STATUS_VARS = {"input.voltage", "input.voltage.fault", "output.voltage", "ups.load",
        "input.frequency", "battery.voltage", "ups.temperature"};
    private static final int[] STATUS_DECIMALS = {1, 1, 1, 0, 1, 2, 1};
    private static final String[] RATING_VARS = {"input.voltage.nominal", "input.current.nominal", "battery.voltage.nominal",
        "input.frequency.nominal"};
    private static final int[] RATING_DECIMALS = {0, 1, 1, 0};
    private static final String[] VENDOR_VARS = {"ups.mfr", "ups.model", "ups.firmware"};
    private static final int[] VENDOR_WIDTHS = {15, 10, 10};

    private final MegatecDialect dialect;
    private final MegatecOptions options;
    private final SerialDevice device;
    private final Clock clock;
    private final BatteryModel battery;
    private final MegatecCommands commands;
    private MegatecProtocol protocol;
    private int failures;

    MegatecDriver(MegatecDialect dialect, MegatecOptions options, SerialDevice device, Clock clock) {
        this.dialect = dialect;
        this.options = options;
        this.device = device;
        this.clock = clock;
        this.battery = new BatteryModel(options);
        this.commands = new MegatecCommands(options.ondelay(), options.offdelay());
    }

    @Override
    public void init(DriverState state) throws DriverException {
        battery.configured(state);
        try {
            device.link();
            protocol = detect(state);
            if (dialect.mfr() != null) {
                state.setInfo("ups.mfr", dialect.mfr());
            }
            if (options.rating()) {
                readRatings(state);
            }
            if (options.vendor()) {
                readVendor(state);
            }
        } catch (IOException e) {
            throw new DriverException(e.getMessage(), e);
        }
        battery.start(state, clock.instant().getEpochSecond());
        state.setInfo("ups.delay.start", String.valueOf(60 * options.ondelay()));
        state.setInfo("ups.delay.shutdown", String.valueOf(options.offdelay()));
        for (String c : MegatecCommands.NAMES) {
            state.addCommand(c);
        }
    }

    private MegatecProtocol detect(DriverState state) throws IOException, DriverException {
        List<MegatecProtocol> candidates = options.protocol() != null ? List.of(options.protocol()) : dialect.protocols();
        for (MegatecProtocol p : candidates) {
            for (int i = 1; i <= MAX_TRIES; i++) {
                if (readStatus(p, state)) {
                    LOG.infof("Supported UPS detected with %s protocol", p.label);
                    return p;
                }
            }
        }
        throw new DriverException("No supported UPS detected");
    }

    private void readRatings(DriverState state) throws IOException {
        if (dialect.ratingPrimer()) {
            ask(protocol.rating);
        }
        for (int i = 1; i <= MAX_TRIES; i++) {
            String reply = ask(protocol.rating);
            try {
                NumericFields f = NumericFields.read(reply == null ? "" : reply, '#', 22, 4, false);
                for (int k = 0; k < RATING_VARS.length; k++) {
                    Double v = f.values().get(k);
                    if (v != null) {
                        double value = k == 2 ? battery.nominal(v, state) : v;
                        state.setInfo(RATING_VARS[k], CNumbers.fixed(value, RATING_DECIMALS[k]));
                    }
                }
                return;
            } catch (BadReply e) {
                LOG.debugf("Rating read %d failed: %s", i, e.getMessage());
            }
        }
        LOG.debug("Rating information unavailable");
    }

    private void readVendor(DriverState state) throws IOException {
        for (int i = 1; i <= MAX_TRIES; i++) {
            String reply = ask(protocol.vendor);
            if (reply == null || reply.length() + 1 < 39 || reply.charAt(0) != '#') {
                LOG.debugf("Vendor information read %d failed", i);
                continue;
            }
            int index = 1;
            for (int k = 0; k < VENDOR_VARS.length; k++) {
                String field = reply.substring(Math.min(index, reply.length()), Math.min(index + VENDOR_WIDTHS[k], reply.length()));
                state.setInfo(VENDOR_VARS[k], field.replaceAll(" +$", ""));
                index += VENDOR_WIDTHS[k] + 1;
            }
            return;
        }
        LOG.debug("Vendor information unavailable");
    }

    /** Reads and publishes one status line; false when the answer was missing or malformed. */
    private boolean readStatus(MegatecProtocol p, DriverState state) throws IOException {
        String reply = ask(p.status);
        NumericFields f;
        StatusBits bits;
        try {
            if (reply == null) {
                throw new BadReply("no reply");
            }
            f = NumericFields.read(reply, '(', 46, STATUS_VARS.length, true);
            bits = StatusBits.parse(f.tail());
        } catch (BadReply e) {
            LOG.debugf("status: %s", e.getMessage());
            return false;
        }
        for (int i = 0; i < STATUS_VARS.length; i++) {
            Double v = f.values().get(i);
            if (v == null) {
                continue; // blazer skips a non-numeric field and keeps the old value
            }
            double value = switch (i) {
                case 3 -> battery.load(v);
                case 5 -> battery.voltage(v, state);
                default -> v;
            };
            state.setInfo(STATUS_VARS[i], CNumbers.fixed(value, STATUS_DECIMALS[i]));
        }
        publishStatus(bits, state);
        return true;
    }

    private void publishStatus(StatusBits bits, DriverState state) {
        state.setInfo("ups.beeper.status", bits.beeperOn() ? "enabled" : "disabled");
        state.setInfo("ups.type", bits.standby() ? "offline / line interactive" : "online");
        List<String> status = new ArrayList<>();
        status.add(bits.utilityFail() ? "OB" : "OL");
        if (bits.batteryLow()) {
            status.add("LB");
        }
        if (bits.bypassBoostOrBuck()) {
            String mode = voltageMode(state);
            if (mode != null) {
                status.add(mode);
            }
        }
        if (bits.testInProgress()) {
            status.add("CAL");
        }
        List<String> alarms = new ArrayList<>();
        if (bits.upsFailed()) {
            alarms.add("UPS selftest failed!");
        }
        if (bits.shutdownActive()) {
            alarms.add("Shutdown imminent!");
            status.add("FSD");
        }
        if (alarms.isEmpty()) {
            state.delInfo("ups.alarm");
        } else {
            state.setInfo("ups.alarm", String.join(" ", alarms));
            status.add(0, "ALARM"); // NUT's status_commit with an active alarm
        }
        state.status(status);
    }

    /** Bit 2 means one of three things; the output/input voltage ratio tells which. */
    private static String voltageMode(DriverState state) {
        String in = state.value("input.voltage");
        String out = state.value("output.voltage");
        if (in == null || out == null) {
            return null;
        }
        return VoltageMode.of(CNumbers.strtod(in), CNumbers.strtod(out));
    }

    private String ask(String command) throws IOException {
        device.discardInput();
        device.write(command, dialect.pace());
        return device.readUntil('\r', MAX_REPLY, dialect.replyTimeout(), SerialDevice.CharFilter.KEEP_ALL);
    }

    @Override
    public void update(DriverState state) throws DriverException {
        boolean ok;
        try {
            ok = readStatus(protocol, state);
        } catch (IOException e) {
            failures = MAX_TRIES + 1;
            throw new DriverException(e.getMessage(), e);
        }
        if (!ok) {
            if (failures < MAX_TRIES) {
                failures++;
                return;
            }
            if (failures == MAX_TRIES) {
                LOG.warn("Communications with UPS lost: status read failed!");
                failures++;
                return;
            }
            throw new DriverException("Communications with UPS lost: status read failed!");
        }
        battery.poll(state, !state.value("ups.status").contains("OB"), clock.instant().getEpochSecond());
        if (failures > MAX_TRIES) {
            LOG.info("Communications with UPS re-established");
        }
        failures = 0;
    }

    @Override
    public TrackingResult instcmd(DriverState state, String command, String parameter) {
        String wire;
        try {
            wire = commands.wire(command, parameter);
        } catch (IllegalArgumentException e) {
            LOG.errorf("instcmd: command [%s] failed, %s", command, e.getMessage());
            return TrackingResult.FAILED;
        }
        if (wire == null) {
            LOG.errorf("instcmd: command [%s] not found", command);
            return TrackingResult.UNKNOWN;
        }
        String reply;
        try {
            reply = ask(wire);
        } catch (IOException e) {
            LOG.errorf("instcmd: command [%s] failed: %s", command, e.getMessage());
            return TrackingResult.FAILED;
        }
        // an unknown command is echoed back; success is "(ACK" ("ACK" on Best units) or no answer at all
        if (reply != null && !reply.startsWith("ACK") && !reply.startsWith("(ACK")) {
            LOG.errorf("instcmd: command [%s] failed", command);
            return TrackingResult.FAILED;
        }
        LOG.infof("instcmd: command [%s] handled", command);
        return TrackingResult.HANDLED;
    }

    /** blazer's shutdown: cancel a pending shutdown, then shutdown.return with ondelay/offdelay. */
    @Override
    public void shutdown(DriverState state) throws DriverException {
        boolean stopped = false;
        for (int i = 1; i <= MAX_TRIES && !stopped; i++) {
            stopped = instcmd(state, "shutdown.stop", null) == TrackingResult.HANDLED;
        }
        if (!stopped) {
            LOG.info("No shutdown pending");
        }
        for (int i = 1; i <= MAX_TRIES; i++) {
            if (instcmd(state, "shutdown.return", null) == TrackingResult.HANDLED) {
                LOG.infof("Shutting down in %d seconds", options.offdelay());
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
