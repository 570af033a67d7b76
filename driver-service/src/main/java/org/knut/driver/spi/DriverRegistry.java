package org.knut.driver.spi;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** The drivers this service can run, by NUT program name. */
public final class DriverRegistry {
    private final Map<String, DriverFactory> factories = new TreeMap<>();

    public DriverRegistry(Iterable<? extends DriverFactory> all) {
        for (DriverFactory f : all) {
            DriverFactory old = factories.put(f.name(), f);
            if (old != null) {
                throw new IllegalStateException("two drivers named " + f.name() + ": " + old.getClass().getName() + " and "
                        + f.getClass().getName());
            }
        }
    }

    /** The driver with this program name, or null. */
    public DriverFactory find(String name) {
        return factories.get(name);
    }

    public Collection<String> names() {
        return factories.keySet();
    }
}
