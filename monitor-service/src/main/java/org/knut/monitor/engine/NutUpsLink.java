package org.knut.monitor.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

import org.jboss.logging.Logger;
import org.knut.core.client.NutClient;
import org.knut.core.client.StartTls;
import org.knut.core.config.UpsmonConf.Monitor;
import org.knut.core.protocol.NutException;

/** A {@link UpsLink} over the NUT network protocol with nut-core's {@link NutClient}. */
public final class NutUpsLink implements UpsLink {
    private static final Logger LOG = Logger.getLogger(NutUpsLink.class);

    private final Monitor monitor;
    private final Duration timeout;
    private final StartTls tls;
    private NutClient client;

    /** @param tls STARTTLS as upsmon.conf asks for it ({@link MonitorTls}) */
    public NutUpsLink(Monitor monitor, Duration timeout, StartTls tls) {
        this.monitor = monitor;
        this.timeout = timeout;
        this.tls = tls;
    }

    /**
     * Tries every address of the host, as upsclient does. A refused LOGIN or PRIMARY is logged and the
     * session kept, like upsmon: the UPS is still watched, only NUMLOGINS will not count this host.
     */
    @Override
    public void open(boolean asPrimary) throws IOException, NutException {
        close();
        String ups = monitor.ups().ups();
        client = connect();
        try {
            client.authenticate(monitor.user(), monitor.password());
            client.login(ups);
            if (asPrimary) {
                client.primary(ups);
            }
            LOG.debugf("logged into UPS %s%s", monitor.system(), asPrimary ? " as primary" : "");
        } catch (NutException e) {
            LOG.errorf("Login to UPS [%s] failed: %s", monitor.system(), e.getMessage());
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private NutClient connect() throws IOException {
        IOException last = null;
        for (InetAddress a : InetAddress.getAllByName(monitor.ups().host())) {
            try {
                return NutClient.connect(a.getHostAddress(), monitor.ups().port(), timeout, tls);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address for " + monitor.ups().host());
    }

    @Override
    public boolean isOpen() {
        return client != null;
    }

    @Override
    public String get(String var) throws IOException, NutException {
        return session(() -> client.get(monitor.ups().ups(), var));
    }

    @Override
    public int numLogins() throws IOException, NutException {
        return session(() -> client.numLogins(monitor.ups().ups()));
    }

    @Override
    public void fsd() throws IOException, NutException {
        session(() -> {
            client.fsd(monitor.ups().ups());
            return null;
        });
    }

    private interface Call<T> {
        T run() throws IOException, NutException;
    }

    private <T> T session(Call<T> call) throws IOException, NutException {
        if (client == null) {
            throw new IOException("not connected to " + monitor.system());
        }
        try {
            return call.run();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (client != null) {
            NutClient c = client;
            client = null;
            try {
                c.close();
            } catch (IOException e) {
                LOG.debugf("closing the session with %s: %s", monitor.system(), e.getMessage());
            }
        }
    }
}
