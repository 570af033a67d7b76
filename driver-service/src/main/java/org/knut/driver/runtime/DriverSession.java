package org.knut.driver.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.core.model.UpsState;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.config.ConfOption;
import org.knut.driver.config.DriverSection;
import org.knut.driver.config.OptionKind;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;

/**
 * One start of one driver, in the order NUT's driver main runs it: ups.conf settings become
 * {@code default.}/{@code override.} values and {@code driver.parameter.*}/{@code driver.flag.*}; then
 * {@code device.type}, the driver version variables, the driver's init and first update; then
 * {@code driver.parameter.pollinterval}/{@code synchronous} and {@code device.mfr/model/serial} copied
 * from {@code ups.*}. Not thread-safe: the runner calls it from the driver's thread only.
 */
public final class DriverSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DriverSession.class);

    private final DriverSection section;
    private final DriverFactory factory;
    private final Path confDir;
    private final Clock clock;
    private DriverState state;
    private UpsDriver driver;

    public DriverSession(DriverSection section, DriverFactory factory, Path confDir, Clock clock) {
        this.section = section;
        this.factory = factory;
        this.confDir = confDir;
        this.clock = clock;
    }

    public DriverSection section() {
        return section;
    }

    /** The published state; null before {@link #start}. */
    public DriverState state() {
        return state;
    }

    public void start() throws DriverException {
        UpsState ups = new UpsState();
        Set<String> immutable = new HashSet<>();
        ups.setInfo("driver.parameter.port", section.port());
        for (ConfOption o : section.options()) {
            publishSetting(ups, immutable, o);
        }
        state = new DriverState(ups, immutable, section.hasFlag("ignorelb"));
        state.setInfo("device.type", "ups");
        try {
            driver = factory.create(section.setup(factory, confDir, clock));
        } catch (IllegalArgumentException e) {
            throw new DriverException(e.getMessage(), e);
        }
        state.setInfo("driver.version", KnutVersion.get());
        state.setInfo("driver.version.internal", factory.version());
        state.setInfo("driver.name", factory.name());
        driver.init(state);
        driver.update(state);
        checkIgnoreLb();
        state.setInfo("driver.parameter.pollinterval", String.valueOf(section.pollInterval().toSeconds()));
        state.setInfo("driver.parameter.synchronous", section.synchronous());
        for (String v : new String[] {"mfr", "model", "serial"}) {
            String value = state.value("ups." + v);
            if (value != null) {
                state.setInfo("device." + v, value);
            }
        }
        state.dataOk();
    }

    private void publishSetting(UpsState ups, Set<String> immutable, ConfOption o) {
        OptionKind kind;
        try {
            kind = OptionKind.of(o, factory.name(), factory.options());
        } catch (OptionKind.InvalidOption e) {
            throw new IllegalStateException("section was not checked: " + e.getMessage(), e);
        }
        switch (kind) {
            case COMMON_FLAG, DRIVER_FLAG -> ups.setInfo("driver.flag." + o.key(), "enabled");
            case DRIVER_VALUE -> ups.setInfo("driver.parameter." + o.key(), o.value());
            case DEFAULT -> ups.setInfo(o.key().substring("default.".length()), o.value());
            case OVERRIDE -> {
                String var = o.key().substring("override.".length());
                ups.setInfo(var, o.value());
                immutable.add(var);
            }
            case COMMON_SILENT, DRIVER_SECRET -> {
                // used by the framework or the driver, not published
            }
        }
    }

    /** NUT refuses {@code ignorelb} when the driver gives no charge or runtime with its low threshold. */
    private void checkIgnoreLb() throws DriverException {
        if (section.hasFlag("ignorelb")
                && !(has("battery.charge") && has("battery.charge.low"))
                && !(has("battery.runtime") && has("battery.runtime.low"))) {
            throw new DriverException("The 'ignorelb' flag is set, but there is no way to determine the battery state of charge "
                    + "(needs battery.charge and battery.charge.low, or battery.runtime and battery.runtime.low)");
        }
    }

    private boolean has(String var) {
        return state.value(var) != null;
    }

    /** One poll; the data is fresh when it returns and stale when it throws. */
    public void update() throws DriverException {
        try {
            driver.update(state);
            state.dataOk();
        } catch (DriverException | RuntimeException e) {
            state.dataStale();
            throw e;
        }
    }

    public TrackingResult instcmd(String command, String parameter) {
        try {
            return driver.instcmd(state, command, parameter);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: instant command %s failed", section.name(), command);
            return TrackingResult.FAILED;
        }
    }

    public TrackingResult setvar(String variable, String value) {
        try {
            return driver.setvar(state, variable, value);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: setting %s failed", section.name(), variable);
            return TrackingResult.FAILED;
        }
    }

    public void shutdown() throws DriverException {
        driver.shutdown(state);
    }

    @Override
    public void close() {
        if (driver != null) {
            try {
                driver.close();
            } catch (RuntimeException e) {
                LOG.warnf("%s: closing the driver failed: %s", section.name(), e.getMessage());
            }
            driver = null;
        }
    }
}
