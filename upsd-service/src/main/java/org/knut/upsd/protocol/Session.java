package org.knut.upsd.protocol;

import org.knut.upsd.state.Client;
import org.knut.upsd.state.ServedUps;

/**
 * What upsd remembers about one client connection: the USERNAME and PASSWORD it gave, the UPS it
 * logged into, whether it asked for tracking, and whether it asked to leave. Used by one event loop only.
 */
public final class Session implements Client {
    private final String address;
    private final boolean tlsAvailable;
    private Tls tls = Tls.PLAIN;
    private String username;
    private String password;
    private ServedUps login;
    private boolean tracking;
    private boolean closing;

    /** Where the connection stands with STARTTLS. */
    public enum Tls { PLAIN, REQUESTED, ACTIVE }

    public Session(String address) {
        this(address, false);
    }

    /** @param tlsAvailable whether STARTTLS can be granted (a certificate is configured) */
    public Session(String address, boolean tlsAvailable) {
        this.address = address;
        this.tlsAvailable = tlsAvailable;
    }

    boolean tlsAvailable() {
        return tlsAvailable;
    }

    public Tls tls() {
        return tls;
    }

    void requestTls() {
        tls = Tls.REQUESTED;
    }

    /** Called by the connection once it has sent {@code OK STARTTLS} and handed the socket to TLS. */
    public void tlsStarted() {
        tls = Tls.ACTIVE;
    }

    @Override
    public String address() {
        return address;
    }

    public String username() {
        return username;
    }

    void username(String u) {
        username = u;
    }

    public String password() {
        return password;
    }

    void password(String p) {
        password = p;
    }

    /** The UPS this client did LOGIN on, or null. */
    public ServedUps login() {
        return login;
    }

    void login(ServedUps ups) {
        login = ups;
        ups.login(this);
    }

    public boolean tracking() {
        return tracking;
    }

    void tracking(boolean on) {
        tracking = on;
    }

    /** True after LOGOUT: the reply is the last thing written before the connection closes. */
    public boolean closing() {
        return closing;
    }

    void close() {
        closing = true;
    }

    /** The connection is gone: a TCP close logs the client out, as in upsd. */
    public void disconnected() {
        if (login != null) {
            login.logout(this);
            login = null;
        }
    }
}
