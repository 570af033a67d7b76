package org.knut.upsd.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.knut.core.testing.Ports;
import org.knut.core.client.NutClient;
import org.knut.upsd.Upsd;
import org.knut.upsd.config.SettingsLoader;
import org.knut.upsd.protocol.ServerIdentity;

/**
 * Our upsd, started from its plain classes (no Quarkus) on a NUT config dir, listening on a free port of
 * 127.0.0.1. {@code settings} are extra {@code knut.*} keys.
 */
public final class KnutUpsd implements AutoCloseable {
    private final Upsd upsd;
    private final int port;

    private KnutUpsd(Upsd upsd, int port) {
        this.upsd = upsd;
        this.port = port;
    }

    public static KnutUpsd start(Path conf, Path state, Map<String, String> settings) throws Exception {
        int port = Ports.free();
        Map<String, String> config = new HashMap<>();
        config.put("knut.conf-path", conf.toString());
        config.put("knut.state-path", state.toString());
        config.put("knut.upsd.listen", "127.0.0.1:" + port);
        config.put("knut.upsd.event-loops", "2");
        config.putAll(settings);
        SettingsLoader loader = new SettingsLoader(k -> Optional.ofNullable(config.get(k)), config.keySet(), Map.of());
        return new KnutUpsd(Upsd.start(loader.load(), ServerIdentity.of("test")), port);
    }

    public int port() {
        return port;
    }

    public Upsd upsd() {
        return upsd;
    }

    public String ups(String name) {
        return name + "@127.0.0.1:" + port;
    }

    public NutClient client() throws java.io.IOException {
        return NutClient.connect("127.0.0.1", port);
    }

    @Override
    public void close() throws Exception {
        upsd.close();
    }
}
