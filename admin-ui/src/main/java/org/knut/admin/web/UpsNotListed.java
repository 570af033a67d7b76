package org.knut.admin.web;

/** A URL names a UPS that hosts.conf does not list: as upsstats, the UI will not talk to it. */
public final class UpsNotListed extends RuntimeException {
    public UpsNotListed(String system) {
        super("UPS " + system + " is not listed in hosts.conf (MONITOR lines)");
    }
}
