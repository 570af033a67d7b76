package org.knut.upsd.state;

/** A network client as the UPS sees it once it has logged in: for NUMLOGINS and LIST CLIENT. */
public interface Client {
    /** The client's IP address as text. */
    String address();
}
