package org.knut.driver.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.config.ConfigException;
import org.knut.driver.config.ConfOption;
import org.knut.driver.config.DriverConfigLoader;
import org.knut.driver.config.DriverSection;
import org.knut.driver.dummy.DummyUpsFactory;
import org.knut.driver.spi.DriverRegistry;

/** Checked ups.conf sections for tests, built as the configuration loader builds them. */
public final class TestSections {
    public static final DriverRegistry REGISTRY = new DriverRegistry(List.of(new DummyUpsFactory()));

    private TestSections() {
    }

    /**
     * A dummy-ups section.
     *
     * @param settings "key=value" or "flag"
     */
    public static DriverSection dummy(Path confDir, String name, String port, String... settings) throws ConfigException {
        return section(REGISTRY, "dummy-ups", confDir, name, port, settings);
    }

    /**
     * A section for any driver of {@code registry}.
     *
     * @param settings "key=value" or "flag"
     */
    public static DriverSection section(DriverRegistry registry, String driver, Path confDir, String name, String port,
            String... settings) throws ConfigException {
        List<ConfOption> opts = new ArrayList<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            opts.add(eq < 0 ? new ConfOption(s, null, 0) : new ConfOption(s.substring(0, eq), s.substring(eq + 1), 0));
        }
        return new DriverConfigLoader(registry).section(confDir.resolve("ups.conf"), confDir, name, driver, port, opts, 0, 1, 2,
                "auto");
    }
}
