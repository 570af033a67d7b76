package org.knut.driver.apcsmart;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.apcsmart.ApcLink.Read;
import org.knut.driver.serial.SerialDevice;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;

/**
 * apcsmart: an APC Smart-UPS (Back-UPS Pro, Matrix) in smart mode. Start: {@code Y} until it answers
 * {@code SM}, then {@link ApcDiscovery}. Every poll: the status register ({@code Q}), then the polled
 * variables (all of them once an hour). An alert arriving between answers makes the update read the
 * status register once more at its end. Instant commands marked nasty (shutdowns, load.off) only run when asked a second time 3 to 15
 * seconds after the first, as in NUT, so that one stray command cannot cut the power.
 */
final class ApcSmartDriver implements UpsDriver {
    private static final Logger LOG = Logger.getLogger(ApcSmartDriver.class);
    private static final char STATUS = 'Q';
    private static final char GO_SMART = 'Y';
    private static final char NEXT_VALUE = '-';
    private static final char ESC = 27;
    private static final long FULL_UPDATE_SECONDS = 3600;
    private static final long NASTY_MIN_SECONDS = 3;
    private static final long NASTY_MAX_SECONDS = 15;
    /** An enumeration has fewer values than this; stepping through more means the wanted one is not there. */
    private static final int MAX_ENUM_STEPS = 32;
    /** The status register is two hex digits; anything else (line noise) must not become a status. */
    private static final Pattern REGISTER = Pattern.compile("[0-9A-Fa-f]{2}");

    private final ApcOptions options;
    private final SerialDevice device;
    private final Clock clock;
    private final List<ApcVar> vars = ApcVar.table();
    private final Set<ApcCommand> commands = new LinkedHashSet<>();
    private final ApcLink link;
    private final ApcShutdown shutdowns;
    private DriverState state;
    private int status;
    private long lastFullUpdate = Long.MIN_VALUE;
    private long lastNasty = Long.MIN_VALUE;
    private boolean lost;
    private boolean alerted;

    ApcSmartDriver(ApcOptions options, SerialDevice device, Clock clock) {
        this.options = options;
        this.device = device;
        this.clock = clock;
        this.link = new ApcLink(device, this::alert);
        this.shutdowns = new ApcShutdown(link, options.cshdelayMillis());
    }

    @Override
    public void init(DriverState s) throws DriverException {
        this.state = s;
        try {
            if (!smartMode(5)) {
                throw new DriverException("unable to detect an APC Smart protocol UPS on port " + device.settings().path()
                        + "; check the cabling, port name or model name and try again");
            }
            new ApcDiscovery(link, vars, commands, s).run();
        } catch (IOException e) {
            throw new DriverException(e.getMessage(), e);
        }
        s.setInfo("ups.mfr", "APC");
    }

    /** Asks for smart mode; an unexpected answer gets an ESC (end whatever the UPS thought we started). */
    private boolean smartMode(int tries) throws IOException {
        for (int i = 0; i < tries; i++) {
            link.flush(false);
            if ("SM".equals(link.ask(GO_SMART, Read.SHORT))) {
                return true;
            }
            link.ask(ESC, Read.SHORT);
        }
        return false;
    }

    /**
     * An alert character: the status changed. It is not applied as NUT applies it (line noise can look
     * like an alert); the status register is read again at the end of the update, and only a
     * well-formed register is published.
     */
    private void alert(int c) {
        LOG.debugf("alert %s (%s)", printable((char) c), String.join(" ", ApcStatus.tokens(ApcStatus.alert(status, (char) c))));
        alerted = true;
    }

    /** Reads the status register and publishes it; false when the answer is not a register. */
    private boolean readStatus(DriverState s) throws IOException {
        link.flush(true);
        alerted = false;
        String q = link.ask(STATUS, Read.ALERTS);
        if (q == null || !REGISTER.matcher(q).matches()) {
            LOG.debugf("status read failed%s", q == null ? "" : ": [" + q + "]");
            return false;
        }
        status = (int) parseHex(q);
        s.status(ApcStatus.tokens(status));
        return true;
    }

    @Override
    public void update(DriverState s) throws DriverException {
        try {
            if (lost && !smartMode(1)) {
                throw new DriverException("UPS not answering");
            }
            lost = true;
            if (!readStatus(s)) {
                throw new DriverException("status read failed");
            }
            long now = clock.instant().getEpochSecond();
            boolean all = lastFullUpdate == Long.MIN_VALUE || now - lastFullUpdate > FULL_UPDATE_SECONDS;
            if (all) {
                lastFullUpdate = now;
            }
            for (ApcVar v : vars) {
                if ((all || v.poll) && !poll(v)) {
                    throw new DriverException(v.name + " [" + printable(v.cmd) + "] read failed");
                }
            }
            if (alerted && !readStatus(s)) {
                throw new DriverException("status read failed after an alert");
            }
            lost = false;
        } catch (IOException e) {
            throw new DriverException(e.getMessage(), e);
        }
    }

    /** strtol(s, 0, 16) on the register. */
    private static long parseHex(String s) {
        int end = 0;
        while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(s.substring(0, Math.min(end, 15)), 16);
    }

    /** Reads a present variable again; one that now answers NA is dropped. False when the UPS did not answer. */
    private boolean poll(ApcVar v) throws IOException {
        if (!v.present) {
            return true;
        }
        link.flush(true);
        String raw = link.ask(v.cmd, Read.ALERTS);
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        if (raw.equals("NA")) {
            LOG.warnf("verified variable %s [%s] returned NA, removing", v.name, printable(v.cmd));
            v.present = false;
            v.remove(state, 0);
        } else {
            v.publish(state, raw);
        }
        return true;
    }

    private static String printable(char c) {
        return c >= 32 && c < 127 ? String.valueOf(c) : String.format("0x%02x", (int) c);
    }

    @Override
    public TrackingResult instcmd(DriverState s, String name, String param) {
        ApcCommand cmd = ApcCommand.TABLE.stream().filter(c -> c.name().equalsIgnoreCase(name) && c.takes(param)).findFirst()
                .orElse(null);
        if (cmd == null || !commands.contains(cmd)) {
            LOG.warnf("instcmd: %s command [%s %s]", cmd == null ? "unknown" : "unsupported by this UPS", name,
                    param == null ? "" : param);
            return TrackingResult.INVALID;
        }
        if (cmd.nasty() && !confirmed()) {
            LOG.warnf("instcmd: %s needs to be repeated within %d-%d seconds to run", cmd.name(), NASTY_MIN_SECONDS, NASTY_MAX_SECONDS);
            return TrackingResult.HANDLED; // as NUT: "handled", nothing sent yet
        }
        try {
            return run(cmd, param);
        } catch (IOException e) {
            LOG.errorf("instcmd %s: %s", name, e.getMessage());
            return TrackingResult.FAILED;
        }
    }

    /** The second of two nasty requests within the window. */
    private boolean confirmed() {
        long now = clock.instant().getEpochSecond();
        long elapsed = now - lastNasty;
        lastNasty = now;
        return elapsed >= NASTY_MIN_SECONDS && elapsed <= NASTY_MAX_SECONDS;
    }

    private TrackingResult run(ApcCommand cmd, String param) throws IOException {
        switch (cmd.name()) {
            case "calibrate.start", "calibrate.stop" -> {
                return calibrate(cmd.name().endsWith("start"));
            }
            case "load.on" -> {
                link.flush(false);
                return link.writeRepeated(ApcCommand.ON) ? TrackingResult.HANDLED : TrackingResult.FAILED;
            }
            case "load.off" -> {
                return shutdowns.instantOff();
            }
            case "shutdown.stayoff" -> {
                return shutdowns.delayedOff();
            }
            case "shutdown.return" -> {
                if (cmd.cmd() == ApcCommand.GRACEDOWN) {
                    return shutdowns.hardHibernate(param.substring(3));
                }
                return param == null || param.isEmpty() ? shutdowns.soft() : shutdowns.csHack((status & ApcStatus.OL) != 0);
            }
            default -> {
                link.flush(true);
                boolean sent = cmd.repeat() ? link.writeRepeated(cmd.cmd()) : write(cmd.cmd());
                String r = sent ? link.read(Read.ALERTS) : null;
                if (!"OK".equals(r)) {
                    LOG.warnf("got [%s] after command [%s]", r, cmd.name());
                    return TrackingResult.FAILED;
                }
                return TrackingResult.HANDLED;
            }
        }
    }

    private boolean write(char c) throws IOException {
        link.write(c);
        return true;
    }

    /** Calibration is one toggle; the status register says which way it would go. */
    private TrackingResult calibrate(boolean start) throws IOException {
        link.flush(true);
        String q = link.ask(STATUS, Read.ALERTS);
        if (q == null || q.isEmpty() || q.equals("NA")) {
            LOG.warn("runtime calibration state undeterminable");
            return TrackingResult.FAILED;
        }
        boolean running = (parseHex(q) & ApcStatus.CAL) != 0;
        if (running == start) {
            LOG.infof("runtime calibration %s", start ? "already in progress" : "not occurring");
            return TrackingResult.HANDLED;
        }
        String r = link.ask(ApcCommand.CALTOGGLE, Read.ALERTS);
        return r == null || r.isEmpty() || r.equals("NA") || r.equals("NO") ? TrackingResult.FAILED : TrackingResult.HANDLED;
    }

    @Override
    public TrackingResult setvar(DriverState s, String name, String value) {
        ApcVar v = vars.stream().filter(x -> x.present && x.name.equalsIgnoreCase(name)).findFirst().orElse(null);
        if (v == null || !v.writable) {
            return TrackingResult.UNKNOWN;
        }
        try {
            return v.enumerated ? setEnum(v, value) : setString(v, value);
        } catch (IOException e) {
            LOG.errorf("SET %s: %s", name, e.getMessage());
            return TrackingResult.FAILED;
        }
    }

    /** Steps the UPS through the variable's values ({@code -}) until it shows the wanted one. */
    private TrackingResult setEnum(ApcVar v, String value) throws IOException {
        link.flush(true);
        String orig = link.ask(v.cmd, Read.ALERTS);
        if (orig == null || orig.isEmpty() || orig.equals("NA")) {
            return TrackingResult.FAILED;
        }
        if (v.format.convert(orig).equals(value)) {
            return TrackingResult.HANDLED; // unchanged: spare the EEPROM
        }
        for (int i = 0; i < MAX_ENUM_STEPS; i++) {
            if (!"OK".equals(link.ask(NEXT_VALUE, Read.ALERTS))) {
                return TrackingResult.FAILED;
            }
            String now = link.ask(v.cmd, Read.ALERTS);
            if (now == null || now.isEmpty() || now.equals("NA")) {
                return TrackingResult.FAILED;
            }
            if (v.format.convert(now).equals(value)) {
                poll(v);
                return TrackingResult.HANDLED;
            }
            if (now.equals(orig)) {
                LOG.errorf("variable %s wrapped", v.name);
                return TrackingResult.FAILED;
            }
        }
        poll(v);
        return TrackingResult.FAILED;
    }

    /** {@code -} then the new 8 characters (CR-padded). */
    private TrackingResult setString(ApcVar v, String value) throws IOException {
        if (value.length() > ApcVar.STRING_LENGTH) {
            LOG.errorf("value (%s) too long", value);
            return TrackingResult.FAILED;
        }
        link.flush(true);
        String current = link.ask(v.cmd, Read.ALERTS);
        if (current == null || current.isEmpty() || current.equals("NA")) {
            return TrackingResult.FAILED;
        }
        if (current.equals(value)) {
            return TrackingResult.HANDLED;
        }
        if (!link.writeLong(NEXT_VALUE + value + "\r".repeat(ApcVar.STRING_LENGTH - value.length()))) {
            return TrackingResult.FAILED;
        }
        String r = link.read(Read.ALERTS);
        if (r == null || r.isEmpty() || r.equals("NO")) {
            return TrackingResult.FAILED;
        }
        poll(v);
        return TrackingResult.HANDLED;
    }

    /**
     * upsdrvctl shutdown: smart mode, the status register (unreadable: assume on battery with low
     * battery), then {@code advorder}'s methods in turn until one is confirmed, or {@code sdtype}'s.
     */
    @Override
    public void shutdown(DriverState s) throws DriverException {
        try {
            if (!smartMode(1)) {
                LOG.warn("setting SmartMode failed !");
            }
            String q = link.ask(STATUS, Read.SHORT);
            status = q == null || q.isEmpty() ? ApcStatus.LB | ApcStatus.OB : (int) parseHex(q);
            boolean online = (status & ApcStatus.OL) != 0;
            TrackingResult r = options.advorder() != null ? advanced(online) : simple(online);
            if (r != TrackingResult.HANDLED) {
                throw new DriverException("the UPS did not confirm the shutdown");
            }
        } catch (IOException e) {
            throw new DriverException(e.getMessage(), e);
        }
    }

    private TrackingResult advanced(boolean online) throws IOException {
        TrackingResult r = TrackingResult.FAILED;
        for (char m : options.advorder().toCharArray()) {
            r = shutdowns.method(m - '0', options.awd(), online);
            if (r == TrackingResult.HANDLED) {
                break;
            }
        }
        return r;
    }

    private TrackingResult simple(boolean online) throws IOException {
        return switch (options.sdtype()) {
            case 5 -> shutdowns.hardHibernate(options.awd());
            case 4 -> shutdowns.csHack(online);
            case 3 -> shutdowns.delayedOff();
            case 2 -> shutdowns.instantOff();
            case 1 -> (status & ApcStatus.OB) != 0 && shutdowns.soft() == TrackingResult.HANDLED ? TrackingResult.HANDLED
                    : shutdowns.hardHibernate(options.awd());
            default -> online ? shutdowns.hardHibernate(options.awd()) : shutdowns.soft();
        };
    }

    @Override
    public void close() {
        try {
            if (device.isOpen()) {
                link.flush(false);
                link.ask('R', Read.SHORT); // back to dumb mode
            }
        } catch (IOException e) {
            LOG.debugf("leaving smart mode: %s", e.getMessage());
        }
        device.close();
    }
}
