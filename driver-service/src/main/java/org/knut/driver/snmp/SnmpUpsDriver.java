package org.knut.driver.snmp;

import java.time.Clock;
import java.time.Instant;

import org.jboss.logging.Logger;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;

/**
 * NUT's snmp-ups for one UPS: detects the MIB, publishes the table's variables and commands, re-reads
 * the table every {@code pollfreq} (the data goes stale while the agent does not answer, and comes
 * back when it does), and turns instant commands and SET into SNMP SETs.
 */
final class SnmpUpsDriver implements UpsDriver {
    private static final Logger LOG = Logger.getLogger(SnmpUpsDriver.class);
    /** IETF system group, published when the table has no row of its own. */
    private static final String[][] SYSTEM = {{"device.description", ".1.3.6.1.2.1.1.1.0"},
        {"device.contact", ".1.3.6.1.2.1.1.4.0"}, {"device.location", ".1.3.6.1.2.1.1.6.0"}};

    private final String ups;
    private final SnmpSettings settings;
    private final WalkOptions walkOptions;
    private final MibCatalog catalog;
    private final String onDelay;
    private final String offDelay;
    private final Clock clock;
    private SnmpChannel channel;
    private TableWalk walk;
    private SnmpWriter writer;
    private Instant lastPoll;
    private String lastFailure;

    SnmpUpsDriver(String ups, SnmpSettings settings, WalkOptions walkOptions, MibCatalog catalog, String onDelay,
            String offDelay, Clock clock) {
        this.ups = ups;
        this.settings = settings;
        this.walkOptions = walkOptions;
        this.catalog = catalog;
        this.onDelay = onDelay;
        this.offDelay = offDelay;
        this.clock = clock;
    }

    @Override
    public void init(DriverState state) throws DriverException {
        String peer = settings.host() + ":" + settings.port();
        try {
            channel = Snmp4jChannel.open(settings);
            SnmpReader reader = new SnmpReader(channel);
            MibTable table = new MibDetector(catalog).detect(reader, settings.mibs(), ups, peer);
            MibEntry model = table.find("ups.model") != null ? table.find("ups.model") : table.modelEntry();
            LOG.infof("[%s] Detected %s on host %s (mib: %s %s)", ups, reader.text(model.oid(), null), peer, table.name(),
                    table.version());
            walk = new TableWalk(table, reader, ups, walkOptions);
            writer = new SnmpWriter(walk, channel, ups);
            for (String[] sys : SYSTEM) {
                String v = reader.unlessDropped(() -> reader.text(sys[1], null), null);
                if (v != null) {
                    state.setInfo(sys[0], v);
                }
            }
            setDelays(state);
            state.setInfo("driver.version.data", table.name() + " MIB " + table.version());
            walk.init(state);
            // after the start-up walk, which makes the outlets' commands
            for (MibEntry e : walk.rows()) {
                if (e.isCommand() && reader.unlessDropped(() -> writer.offers(e, reader), false)) {
                    state.addCommand(e.name());
                }
            }
        } catch (SnmpException e) {
            close();
            throw new DriverException(e.getMessage(), e);
        } catch (DriverException e) {
            close();
            throw e;
        }
    }

    /** {@code ondelay}/{@code offdelay} set ups.delay.start/shutdown on the device, as NUT's set_delays. */
    private void setDelays(DriverState state) {
        if (onDelay != null) {
            writer.setvar(state, "ups.delay.start", onDelay);
        }
        if (offDelay != null) {
            writer.setvar(state, "ups.delay.shutdown", offDelay);
        }
    }

    @Override
    public void update(DriverState state) throws DriverException {
        Instant now = clock.instant();
        if (lastPoll != null && now.isBefore(lastPoll.plus(settings.pollFreq()))) {
            if (lastFailure != null) {
                throw new DriverException(lastFailure);
            }
            return;
        }
        lastPoll = now;
        try {
            walk.update(state);
            if (lastFailure != null) {
                LOG.infof("[%s] agent answers again", ups);
            }
            lastFailure = null;
        } catch (SnmpException e) {
            lastFailure = e.getMessage();
            throw new DriverException(e.getMessage(), e);
        }
    }

    @Override
    public TrackingResult instcmd(DriverState state, String command, String parameter) {
        return writer.instcmd(command, parameter);
    }

    @Override
    public TrackingResult setvar(DriverState state, String variable, String value) {
        return writer.setvar(state, variable, value);
    }

    /** As NUT: shutdown.return, else shutdown.reboot, else load.off.delay. */
    @Override
    public void shutdown(DriverState state) throws DriverException {
        for (String cmd : new String[] {"shutdown.return", "shutdown.reboot", "load.off.delay"}) {
            if (writer.instcmd(cmd, null) == TrackingResult.HANDLED) {
                return;
            }
        }
        throw new DriverException("Shutdown failed!");
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
