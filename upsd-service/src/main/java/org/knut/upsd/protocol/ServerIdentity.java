package org.knut.upsd.protocol;

/**
 * How upsd names itself: the NUT version whose protocol it speaks (clients compare server.version with
 * NUT releases) and knut's own version, shown to humans in VER and server.info.
 */
public record ServerIdentity(String nutVersion, String knutVersion) {
    public static final String NUT_VERSION = "2.8.0";
    public static final String PROTOCOL_VERSION = "1.3";

    public static ServerIdentity of(String knutVersion) {
        return new ServerIdentity(NUT_VERSION, knutVersion);
    }

    /** The VER reply and the value of server.info. */
    public String info() {
        return "Network UPS Tools upsd " + nutVersion + " (knut " + knutVersion + ") - http://www.networkupstools.org/";
    }
}
