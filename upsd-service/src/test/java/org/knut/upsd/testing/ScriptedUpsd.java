package org.knut.upsd.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.knut.core.testing.Await;

/**
 * Our upsd serving one UPS, {@code demo}, whose driver is a {@link ScriptedDriver} with the given dump:
 * ups.conf is written into {@code conf} (other NUT files may be there already), the driver's socket is
 * in {@code conf/state}, and start returns once the UPS is served. Close stops both.
 */
public final class ScriptedUpsd implements AutoCloseable {
    private final ScriptedDriver driver;
    private final KnutUpsd knut;

    private ScriptedUpsd(ScriptedDriver driver, KnutUpsd knut) {
        this.driver = driver;
        this.knut = knut;
    }

    public static ScriptedUpsd start(Path conf, List<String> dump, Map<String, String> settings, Duration wait)
            throws Exception {
        Path state = Files.createDirectories(conf.resolve("state"));
        Files.writeString(conf.resolve("ups.conf"), "[demo]\n\tdriver = scripted\n\tport = none\n");
        ScriptedDriver driver = new ScriptedDriver(state.resolve("scripted-demo"), dump);
        KnutUpsd knut = null;
        try {
            knut = KnutUpsd.start(conf, state, settings);
            KnutUpsd started = knut;
            Await.until("the UPS to be served", wait, () -> started.upsd().registry().find("demo").ready());
            return new ScriptedUpsd(driver, knut);
        } catch (Exception | Error e) {
            try (driver) {
                if (knut != null) {
                    knut.close();
                }
            }
            throw e;
        }
    }

    public KnutUpsd knut() {
        return knut;
    }

    public ScriptedDriver driver() {
        return driver;
    }

    @Override
    public void close() throws Exception {
        try (driver) {
            knut.close();
        }
    }
}
