package org.knut.upsd;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.knut.core.client.UpsId.HostPort;
import org.knut.upsd.config.Descriptions;
import org.knut.upsd.config.DriverEndpoint;
import org.knut.upsd.control.LoginThrottle;
import org.knut.upsd.control.UpsControl;
import org.knut.upsd.config.UpsdSettings;
import org.knut.upsd.driver.DriverLink;
import org.knut.upsd.events.UpsEvents;
import org.knut.upsd.driver.Housekeeper;
import org.knut.upsd.net.ClientGate;
import org.knut.upsd.net.NutServer;
import org.knut.upsd.protocol.CommandHandler;
import org.knut.upsd.protocol.ServerIdentity;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;
import org.knut.upsd.state.UpsRegistry;

/**
 * A running upsd: the driver links feeding the served UPSes, the NUT server answering clients, and the
 * housekeeping timer. Plain Java, so that tests can run it without Quarkus.
 */
public final class Upsd implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Upsd.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 4000;

    private final UpsRegistry registry;
    private final UpsControl control;
    private final UpsEvents events;
    private final Descriptions descriptions;
    private final List<DriverLink> links;
    private final Housekeeper housekeeper;
    private final NutServer server;

    private Upsd(UpsRegistry registry, UpsControl control, UpsEvents events, Descriptions descriptions,
            List<DriverLink> links, Housekeeper housekeeper, NutServer server) {
        this.registry = registry;
        this.control = control;
        this.events = events;
        this.descriptions = descriptions;
        this.links = links;
        this.housekeeper = housekeeper;
        this.server = server;
    }

    public static Upsd start(UpsdSettings settings, ServerIdentity identity) throws Exception {
        TrackingTable tracking = new TrackingTable(settings.trackingDelay());
        UpsEvents events = new UpsEvents();
        List<ServedUps> upses = new ArrayList<>();
        List<DriverLink> links = new ArrayList<>();
        for (DriverEndpoint d : settings.drivers()) {
            ServedUps ups = new ServedUps(d.ups(), d.desc(), events, settings.replicaId());
            upses.add(ups);
            links.add(new DriverLink(ups, d, settings.driverLink(), tracking, settings.maxAge(), System::nanoTime,
                    FIRST_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS));
        }
        UpsRegistry registry = new UpsRegistry(upses);
        UpsControl control = new UpsControl(settings.users(), tracking, new LoginThrottle(settings.loginFailures()));
        CommandHandler handler = new CommandHandler(registry, control, settings.descriptions(), identity);
        NutServer server = new NutServer(
                new ClientGate(settings.allow(), settings.maxConn(), settings.maxConnPerAddress()));
        Housekeeper housekeeper = new Housekeeper(links, tracking, Housekeeper.tickMillis(settings.maxAge()));
        Upsd upsd = new Upsd(registry, control, events, settings.descriptions(), links, housekeeper, server);
        try {
            links.forEach(DriverLink::start);
            server.start(settings.listen(), settings.allowNotAllListeners(), settings.timeouts(),
                    settings.eventLoops(), handler, settings.nutTls());
        } catch (Exception | Error e) {
            upsd.close();
            throw e;
        }
        for (DriverEndpoint d : settings.drivers()) {
            LOG.infof("UPS [%s]: driver at %s", d.ups(), d.describe());
        }
        LOG.infof("NUT server listening on %s (%d event loops, MAXAGE %d s, MAXCONN %s)",
                listen(settings.listen()), settings.eventLoops().count(), settings.maxAge(),
                settings.maxConn() == 0 ? "unlimited" : Integer.toString(settings.maxConn()));
        LOG.infof("STARTTLS: %s; tcp driver links: %s",
                settings.nutTls() == null ? "not configured" : settings.nutTls().describe(),
                settings.driverLink().describe());
        return upsd;
    }

    private static String listen(List<HostPort> listen) {
        List<String> out = new ArrayList<>();
        for (HostPort hp : listen) {
            out.add((hp.host().indexOf(':') >= 0 ? "[" + hp.host() + "]" : hp.host()) + ":" + hp.port());
        }
        return String.join(", ", out);
    }

    public UpsRegistry registry() {
        return registry;
    }

    public UpsControl control() {
        return control;
    }

    public UpsEvents events() {
        return events;
    }

    public Descriptions descriptions() {
        return descriptions;
    }

    public boolean listening() {
        return server.listening();
    }

    /** Clients connected now. */
    public int clients() {
        return server.gate().open();
    }

    @Override
    public void close() {
        server.stop();
        housekeeper.close();
        links.forEach(DriverLink::stop);
    }
}
