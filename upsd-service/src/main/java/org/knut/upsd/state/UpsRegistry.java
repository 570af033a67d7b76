package org.knut.upsd.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The configured UPSes in ups.conf order; names are matched case-insensitively as upsd does. */
public final class UpsRegistry {
    private final List<ServedUps> all;
    private final Map<String, ServedUps> byName = new HashMap<>();

    public UpsRegistry(List<ServedUps> upses) {
        this.all = List.copyOf(upses);
        for (ServedUps u : all) {
            byName.put(u.name(), u);
        }
    }

    /** The UPS called {@code name} (exact spelling first, then ignoring case), or null. */
    public ServedUps find(String name) {
        ServedUps u = byName.get(name);
        if (u != null) {
            return u;
        }
        for (ServedUps candidate : all) {
            if (candidate.name().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    public List<ServedUps> all() {
        return all;
    }
}
