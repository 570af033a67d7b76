package org.knut.driver.usbhid;

import org.knut.core.text.CNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.core.model.VarFlag;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.hid.HidDescriptorException;
import org.knut.driver.hid.HidField;
import org.knut.driver.hid.ReportCodec;
import org.knut.driver.hid.ReportDescriptor;
import org.knut.driver.hid.ReportDescriptorParser;
import org.knut.driver.hid.ReportType;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;
import org.knut.driver.usb.HidDevice;
import org.knut.driver.usb.HidDeviceOpener;
import org.knut.driver.usb.HidIoException;
import org.knut.driver.usb.UsbDeviceInfo;

/**
 * NUT's usbhid-ups for one UPS: finds the device, parses its report descriptor, picks the subdriver
 * table that claims it, and walks the table as usbhid-ups does (start-up walk choosing one row per
 * variable, quick polls of the status rows, a full update every {@code pollfreq}, interrupt reports in
 * between). A device that goes away is looked for again every poll interval (the same vendor, product
 * and serial), with the data stale until it is back.
 */
final class HidUpsDriver implements UpsDriver {
    private static final Logger LOG = Logger.getLogger(HidUpsDriver.class);
    /** NUT waits this long on the interrupt pipe at each poll. */
    private static final int INTERRUPT_WAIT_MS = 750;
    /** NUT handles at most this many fields of one interrupt report. */
    private static final int MAX_EVENTS = 32;
    /** NUT reads string-index values into a 20-byte buffer. */
    private static final int STRINGID_MAX = 19;
    private static final java.util.regex.Pattern LEADING_INTEGER = java.util.regex.Pattern.compile("^\\s*([+-]?\\d{1,18})");

    private static final int UPS_COLLECTION = 0x00840004;
    private static final int AC_PRESENT = 0x008500d0;
    /** Dell's product strings are already model names (mge-hid.c). */
    private static final int DELL = 0x047c;

    private enum Walk { INIT, QUICK, FULL }

    private final String ups;
    private final HidUpsSettings settings;
    private final SubdriverCatalog catalog;
    private final HidDeviceOpener opener;
    private final Clock clock;
    private final Duration pollInterval;
    private final UpsStatus status = new UpsStatus();
    private final Map<HidInfo, HidField> active = new LinkedHashMap<>();
    private final List<String> alarms = new ArrayList<>();
    private final Map<String, Double> conversionMemory = new java.util.HashMap<>();
    /** The model series the MGE model names gave, or "default". */
    private String series = "default";
    private HidDevice device;
    private UsbDeviceInfo attached;
    private Subdriver sub;
    private ReportDescriptor descriptor;
    private ReportBuffer buffer;
    private boolean useInterrupt;
    private boolean interruptOnly;
    private boolean resolved;
    private boolean dataChanged;
    private boolean alarmActive;
    private Instant lastPoll;
    private Instant lastReconnect;

    HidUpsDriver(String ups, HidUpsSettings settings, SubdriverCatalog catalog, HidDeviceOpener opener, Clock clock,
            Duration pollInterval) {
        this.ups = ups;
        this.settings = settings;
        this.catalog = catalog;
        this.opener = opener;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @Override
    public void init(DriverState state) throws DriverException {
        attach(state);
        state.setInfo("driver.version.data", sub.version());
        state.setInfo("driver.parameter.pollfreq", Long.toString(settings.pollFreq().toSeconds()));
        if (!walk(state, Walk.INIT)) {
            throw new DriverException("Can't initialize data from HID UPS");
        }
        resolved = true;
        if (sub.claim() == Subdriver.Claim.FALLBACK && active.keySet().stream().noneMatch(r -> r.isStatus() && r.path().usage() == AC_PRESENT)) {
            close(); // without it every poll would say OB
            throw new DriverException("the generic table finds no ACPresent " + (interruptOnly ? "input" : "feature") + " on "
                    + attached.ids() + (interruptOnly ? "" : "; if the device reports its status only in input reports, try 'interruptonly'"));
        }
        replace(state, "battery.charge.low", settings.lowBatt());
        replace(state, "ups.delay.start", settings.onDelay());
        replace(state, "ups.delay.shutdown", settings.offDelay());
        if (row("load.off.delay") != null) {
            state.addCommand("load.off");
        }
        if (row("load.on.delay") != null) {
            state.addCommand("load.on");
        }
        if (row("load.off.delay") != null && row("load.on.delay") != null) {
            state.addCommand("shutdown.return");
            state.addCommand("shutdown.stayoff");
        }
        lastPoll = clock.instant();
    }

    private static void replace(DriverState state, String var, String value) {
        if (value != null && state.value(var) != null) {
            state.setInfo(var, value);
        }
    }

    /** Opens the first matching device and reads what identifies it (NUT's upsdrv_initups and callback). */
    private void attach(DriverState state) throws DriverException {
        try {
            device = opener.open(d -> settings.matcher().test(d) && claim(d) != null);
        } catch (HidIoException e) {
            throw new DriverException("USB: " + e.getMessage(), e);
        }
        if (device == null) {
            throw new DriverException("No matching HID UPS found");
        }
        attached = device.info();
        sub = claim(attached);
        try {
            descriptor = ReportDescriptorParser.parse(device.reportDescriptor());
            String fix = sub.fixes().get(new UsbId(attached.vendorId(), attached.productId()));
            if (fix != null) {
                descriptor = DescriptorFixes.named(fix).apply(descriptor);
            }
        } catch (HidDescriptorException | HidIoException e) {
            close();
            throw new DriverException("Failed to parse report descriptor of " + attached.ids() + ": " + e.getMessage(), e);
        }
        if (sub.claim() == Subdriver.Claim.FALLBACK && !isPowerDevice(descriptor)) {
            close();
            throw new DriverException("No matching HID UPS found: " + attached.ids() + " is not a HID Power Device (no UPS collection)");
        }
        UsbId id = new UsbId(attached.vendorId(), attached.productId());
        interruptOnly = settings.interruptOnly() || sub.interruptOnly().contains(id);
        useInterrupt = !settings.pollOnly() && !sub.pollOnly().contains(id);
        buffer = new ReportBuffer(descriptor, interruptOnly);
        LOG.infof("[%s] Detected a UPS: %s/%s (%s), subdriver %s", ups, attached.vendor(), attached.product(), attached.ids(), sub.name());
        if (settings.explore()) {
            explore();
        }
        publishIdentity(state);
    }

    /** The descriptor has a UPS application collection (Power Device page usage 0x04). */
    private static boolean isPowerDevice(ReportDescriptor d) {
        return d.fields().stream().anyMatch(f -> f.path().size() > 1 && f.path().node(0) == UPS_COLLECTION);
    }

    private Subdriver claim(UsbDeviceInfo d) {
        return catalog.claim(d, settings.productIdGiven(), settings.vendorIdGiven(), settings.explore());
    }

    private void publishIdentity(DriverState state) {
        String mfr = attached.vendor() != null ? attached.vendor().stripLeading() : null;
        setOrDelete(state, "ups.mfr", mfr == null || mfr.isEmpty() ? sub.defaultMfr() : mfr);
        String model = attached.product();
        if (sub.model() == Subdriver.Model.APC && model != null) {
            model = apcModel(state, model);
        } else if (sub.model() == Subdriver.Model.MGE && attached.vendorId() != DELL) {
            model = mgeModel(model == null ? "unknown" : model);
        }
        setOrDelete(state, "ups.model", model);
        setOrDelete(state, "ups.serial", attached.serial());
        state.setInfo("ups.vendorid", String.format("%04x", attached.vendorId()));
        state.setInfo("ups.productid", String.format("%04x", attached.productId()));
    }

    /** APC product strings end with firmware versions: "Back-UPS ES 700 FW:829.D2 .I USB FW:D2". */
    private static String apcModel(DriverState state, String product) {
        int fw = product.indexOf("FW:");
        if (fw < 1) {
            return product;
        }
        String firmware = product.substring(fw + 3);
        int usb = firmware.indexOf("USB FW:");
        if (usb >= 1) {
            state.setInfo("ups.firmware.aux", firmware.substring(usb + 7));
            firmware = firmware.substring(0, usb - 1);
        }
        state.setInfo("ups.firmware", firmware);
        return product.substring(0, fw - 1);
    }

    /**
     * mge-hid.c mge_format_model: the product string and the iModel string (or the nominal power) name the
     * model through the table's model names, which also give the series some conversions depend on.
     */
    private String mgeModel(String product) {
        String model = "";
        HidField iModel = descriptor.find(sub.names().parse("UPS.PowerSummary.iModel"), ReportType.FEATURE);
        HidField power = descriptor.find(sub.names().parse("UPS.Flow.[4].ConfigApparentPower"), ReportType.FEATURE);
        Instant now = clock.instant();
        try {
            if (iModel != null) {
                model = string((int) ReportCodec.toPhysical(iModel, buffer.get(device, iModel, now, pollInterval)));
            }
            if (model.isEmpty() && power != null) {
                model = Integer.toString((int) ReportCodec.toPhysical(power, buffer.get(device, power, now, pollInterval)));
            }
        } catch (HidIoException e) {
            LOG.debugf("[%s] no model string: %s", ups, e.getMessage());
        }
        if (model.isEmpty()) {
            return product;
        }
        for (Subdriver.ModelName n : sub.modelNames()) {
            if (n.product().equals(product) && n.model().equals(model)) {
                series = n.series();
                return n.name() != null ? n.name() : product + " " + model;
            }
        }
        return product + " " + model;
    }

    private static void setOrDelete(DriverState state, String var, String value) {
        if (value != null) {
            state.setInfo(var, value);
        } else {
            state.delInfo(var);
        }
    }

    /** Explore mode: logs every field with its name and value, for writing a table. */
    private void explore() {
        Instant now = clock.instant();
        for (String line : HidExplorer.lines(descriptor, sub.names(), f -> buffer.get(device, f, now, Duration.ofSeconds(1)))) {
            LOG.infof("[%s] %s", ups, line);
        }
    }

    @Override
    public void update(DriverState state) throws DriverException {
        Instant now = clock.instant();
        if (device == null) {
            reconnect(state, now);
        }
        if (useInterrupt) {
            events(state, now);
        }
        boolean full = now.isAfter(lastPoll.plus(settings.pollFreq())) || dataChanged;
        if (full) {
            alarms.clear();
        }
        if (!walk(state, full ? Walk.FULL : Walk.QUICK)) {
            throw new DriverException("device " + attached.ids() + " is gone; looking for it again");
        }
        if (full) {
            lastPoll = now;
            dataChanged = false;
            alarms.addAll(status.alarms());
            alarmActive = !alarms.isEmpty();
            setOrDelete(state, "ups.alarm", alarmActive ? String.join(" ", alarms) : null);
        }
        setOrDelete(state, "input.transfer.reason", status.transferReason());
        List<String> tokens = new ArrayList<>(status.tokens(settings.onlineDischarge()));
        if (!settings.onlineDischarge() && status.onlineDischargingUnexplained()) {
            LOG.warnf("[%s] seems to be in OL+DISCHRG state now. Is it calibrating or do you perhaps want to set 'onlinedischarge' option?",
                    ups);
        }
        if (alarmActive) {
            tokens.add(0, "ALARM");
        }
        state.status(tokens);
    }

    private void reconnect(DriverState state, Instant now) throws DriverException {
        if (lastReconnect != null && now.isBefore(lastReconnect.plus(pollInterval))) {
            throw new DriverException("device " + attached.ids() + " is gone");
        }
        lastReconnect = now;
        UsbDeviceInfo was = attached;
        try {
            device = opener.open(d -> d.vendorId() == was.vendorId() && d.productId() == was.productId()
                    && java.util.Objects.equals(d.vendor(), was.vendor()) && java.util.Objects.equals(d.product(), was.product())
                    && java.util.Objects.equals(d.serial(), was.serial()));
        } catch (HidIoException e) {
            device = null;
        }
        if (device == null) {
            throw new DriverException("device " + was.ids() + " is gone; not found again yet");
        }
        LOG.infof("[%s] device %s is back", ups, was.ids());
        if (!walk(state, Walk.INIT)) {
            throw new DriverException("device " + was.ids() + " went away again");
        }
    }

    /** Reads one interrupt report, if any, and applies the rows of its fields (NUT's HIDGetEvents). */
    private void events(DriverState state, Instant now) throws DriverException {
        int longest = 1;
        for (int id : descriptor.reportIds()) {
            longest = Math.max(longest, descriptor.reportLength(id) + 1);
        }
        byte[] buf = new byte[settings.interruptSize() > 0 ? settings.interruptSize() : Math.max(longest, 8)];
        int n;
        try {
            n = device.readInterrupt(buf, INTERRUPT_WAIT_MS);
        } catch (HidIoException e) {
            if (e.lost()) {
                lose(e);
                throw new DriverException("device " + attached.ids() + " is gone: " + e.getMessage());
            }
            return;
        }
        if (n <= 0 || !buffer.file(buf, n, now)) {
            return;
        }
        List<HidField> inputs = descriptor.inputs(buf[0] & 0xff);
        for (HidField event : inputs.subList(0, Math.min(MAX_EVENTS, inputs.size()))) {
            double value;
            try {
                value = ReportCodec.toPhysical(event, buffer.get(device, event, now, pollInterval));
            } catch (HidIoException e) {
                continue;
            }
            HidField target = descriptor.find(event.path(), interruptOnly ? ReportType.INPUT : ReportType.FEATURE);
            if (target == null && !interruptOnly) {
                target = descriptor.find(event.path(), ReportType.INPUT);
            }
            HidInfo row = rowOf(target);
            if (row != null) {
                apply(state, row, value);
            }
        }
    }

    private HidInfo rowOf(HidField f) {
        if (f == null) {
            return null;
        }
        for (Map.Entry<HidInfo, HidField> e : active.entrySet()) {
            if (!e.getKey().has(HidInfo.Flag.ABSENT) && e.getValue() == f) {
                return e.getKey();
            }
        }
        return null;
    }

    private void lose(Exception why) {
        LOG.warnf("[%s] lost device %s: %s", ups, attached.ids(), why.getMessage());
        close();
    }

    /** One pass over the table (NUT's hid_ups_walk); false when the device is gone. */
    private boolean walk(DriverState state, Walk mode) {
        Instant now = clock.instant();
        for (HidInfo row : sub.rows()) {
            HidField f = active.get(row);
            switch (mode) {
                case INIT -> {
                    if (resolved) {
                        if (f == null || row.has(HidInfo.Flag.ABSENT)) {
                            continue;
                        }
                    } else {
                        f = descriptor.find(row.path(), interruptOnly ? ReportType.INPUT : ReportType.FEATURE);
                        if (f == null) {
                            continue;
                        }
                        if (row.has(HidInfo.Flag.ABSENT)) {
                            active.put(row, f);
                            if (state.value(row.name()) == null) {
                                state.setInfo(row.name(), row.format());
                                flags(state, row);
                            }
                            continue;
                        }
                        if (!row.isAlarm() && state.value(row.name()) != null) {
                            continue; // an earlier row already gives this variable
                        }
                        active.put(row, f);
                    }
                }
                case QUICK -> {
                    if (!row.has(HidInfo.Flag.QUICK) || f == null) {
                        continue;
                    }
                }
                case FULL -> {
                    if (f == null || row.has(HidInfo.Flag.ABSENT) || row.has(HidInfo.Flag.CMD) || row.has(HidInfo.Flag.STATIC)
                            || (row.has(HidInfo.Flag.SEMISTATIC) && !dataChanged)) {
                        continue;
                    }
                }
            }
            double value;
            try {
                value = ReportCodec.toPhysical(f, buffer.get(device, f, now, pollInterval));
            } catch (HidIoException e) {
                if (e.lost()) {
                    lose(e);
                    return false;
                }
                continue; // timeouts and stalls: try again next time, as NUT does
            }
            if (row.has(HidInfo.Flag.CMD)) {
                state.addCommand(row.name());
                continue;
            }
            if (apply(state, row, value) && mode == Walk.INIT) {
                flags(state, row);
                if (row.has(HidInfo.Flag.ENUM) && row.has(HidInfo.Flag.RW) && row.lookup() != null) {
                    row.lookup().texts().forEach(t -> state.addEnum(row.name(), t));
                }
            }
        }
        return true;
    }

    private static void flags(DriverState state, HidInfo row) {
        Set<VarFlag> flags = EnumSet.noneOf(VarFlag.class);
        if (row.has(HidInfo.Flag.RW)) {
            flags.add(VarFlag.RW);
        }
        if (row.stringLength() > 0) {
            flags.add(VarFlag.STRING);
        }
        if (!flags.isEmpty()) {
            state.setFlags(row.name(), flags);
        }
        if (row.stringLength() > 0) {
            state.setAux(row.name(), row.stringLength());
        }
    }

    /** Publishes a row's value (NUT's ups_infoval_set); true when it set a variable. */
    private boolean apply(DriverState state, HidInfo row, double value) {
        if (row.lookup() == null) {
            state.setInfo(row.name(), CNumbers.fixed(value, row.format().charAt(2) - '0'));
            return true;
        }
        String text = row.lookup().toNut(value, new DeviceContext(state));
        if (text == null) {
            return false;
        }
        if (row.isStatus()) {
            status.apply(text);
            return false;
        }
        if (row.isAlarm()) {
            alarms.add(text);
            return false;
        }
        state.setInfo(row.name(), text);
        return true;
    }

    /** What conversions see of this device. */
    private final class DeviceContext implements Lookup.Context {
        private final DriverState state;

        DeviceContext(DriverState state) {
            this.state = state;
        }

        @Override
        public String string(int index) {
            return HidUpsDriver.this.string(index);
        }

        @Override
        public String published(String variable) {
            return state.value(variable);
        }

        @Override
        public void withdraw(String variable) {
            state.delInfo(variable);
        }

        @Override
        public boolean quirk(String name) {
            return name.equals(sub.quirk(attached));
        }

        @Override
        public double factor(String scale) {
            String q = sub.quirk(attached);
            return q == null ? 1 : sub.quirks().get(q).getOrDefault(scale, 1.0);
        }

        @Override
        public String series() {
            return series;
        }

        @Override
        public boolean statusFlag(String flag) {
            return status.has(flag);
        }

        @Override
        public Map<String, Double> memory() {
            return conversionMemory;
        }
    }

    private String string(int index) {
        try {
            String s = device.string(index);
            s = s.length() > STRINGID_MAX ? s.substring(0, STRINGID_MAX) : s;
            return s.endsWith("\n") ? s.strip() : s;
        } catch (HidIoException e) {
            return "";
        }
    }

    /** The first row of that name that the device has (NUT's find_nut_info). */
    private HidInfo row(String name) {
        for (HidInfo r : active.keySet()) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public TrackingResult instcmd(DriverState state, String command, String parameter) {
        if (command.equalsIgnoreCase("beeper.off") || command.equalsIgnoreCase("beeper.on")) {
            LOG.warnf("The '%s' command has been renamed to '%s'", command, command.endsWith("off") ? "beeper.disable" : "beeper.enable");
            return instcmd(state, command.endsWith("off") ? "beeper.disable" : "beeper.enable", null);
        }
        HidInfo row = row(command);
        if (row == null) {
            return composite(state, command.toLowerCase(java.util.Locale.ROOT));
        }
        if (!row.has(HidInfo.Flag.CMD)) {
            return TrackingResult.INVALID;
        }
        String text = parameter != null ? parameter : row.format();
        if (write(row, text)) {
            dataChanged = true;
            return TrackingResult.HANDLED;
        }
        return TrackingResult.FAILED;
    }

    /** The commands NUT builds from the delay rows. */
    private TrackingResult composite(DriverState state, String command) {
        switch (command) {
            case "load.on" -> {
                return instcmd(state, "load.on.delay", "0");
            }
            case "load.off" -> {
                return instcmd(state, "load.off.delay", "0");
            }
            case "shutdown.return", "shutdown.stayoff" -> {
                boolean stay = command.equals("shutdown.stayoff");
                if (state.value("ups.start.auto") != null) {
                    setvar(state, "ups.start.auto", stay ? "no" : "yes");
                }
                TrackingResult on = instcmd(state, "load.on.delay", stay ? "-1" : state.value("ups.delay.start"));
                if (on != TrackingResult.HANDLED) {
                    return on;
                }
                return instcmd(state, "load.off.delay", state.value("ups.delay.shutdown"));
            }
            default -> {
                return TrackingResult.INVALID;
            }
        }
    }

    @Override
    public TrackingResult setvar(DriverState state, String variable, String value) {
        HidInfo row = row(variable);
        if (row == null || !row.has(HidInfo.Flag.RW)) {
            return TrackingResult.UNKNOWN;
        }
        if (row.has(HidInfo.Flag.ABSENT)) { // kept by the driver, e.g. the delays load.off.delay uses
            state.setInfo(row.name(), value);
            return TrackingResult.HANDLED;
        }
        if (write(row, value)) {
            dataChanged = true;
            return TrackingResult.HANDLED;
        }
        return TrackingResult.UNKNOWN;
    }

    /** Converts a NUT text and writes it (NUT's hu_find_valinfo/atol and HIDSetDataValue). */
    private boolean write(HidInfo row, String text) {
        HidField f = active.get(row);
        if (device == null || f == null || f.attributes() == 0x01 || text == null) {
            return false;
        }
        double value;
        if (row.lookup() != null) {
            Double v = row.lookup().toHid(text);
            value = v == null ? -1 : v;
        } else {
            java.util.regex.Matcher m = LEADING_INTEGER.matcher(text); // C's atol
            value = m.find() ? Double.parseDouble(m.group(1)) : 0;
        }
        try {
            buffer.set(device, f, ReportCodec.toLogical(f, value));
            return true;
        } catch (HidIoException e) {
            if (e.lost()) {
                lose(e);
            }
            LOG.warnf("[%s] writing %s failed: %s", ups, row.name(), e.getMessage());
            return false;
        }
    }

    /** As NUT: shutdown.return, else shutdown.reboot, else load.off.delay. */
    @Override
    public void shutdown(DriverState state) throws DriverException {
        for (String cmd : new String[] {"shutdown.return", "shutdown.reboot", "load.off.delay"}) {
            if (instcmd(state, cmd, null) == TrackingResult.HANDLED) {
                return;
            }
        }
        throw new DriverException("Shutdown failed!");
    }

    @Override
    public void close() {
        if (device != null) {
            device.close();
            device = null;
        }
    }
}
