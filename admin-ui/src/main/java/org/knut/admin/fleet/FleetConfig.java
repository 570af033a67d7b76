package org.knut.admin.fleet;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.knut.core.client.UpsId;
import org.knut.core.config.ConfigException;
import org.knut.core.config.HostsConf;

/**
 * Which UPSes the UI shows (hosts.conf) and which of their upsds are knut upsds read over REST
 * ({@code knut.admin.rest}); every other upsd is read over the NUT protocol.
 */
public record FleetConfig(Path hostsFile, HostsConf hosts, Map<String, URI> rest) {
    static final String REST_KEY = "knut.admin.rest";

    public static FleetConfig load(AdminConfig config, Optional<String> confPath, Map<String, String> env)
            throws ConfigException {
        Path file = Path.of(config.hostsConf().orElseGet(
                () -> confPath.orElse(env.getOrDefault("NUT_CONFPATH", "/etc/nut")) + "/hosts.conf"));
        return new FleetConfig(file, HostsConf.read(file), rest(config.rest().orElse(List.of())));
    }

    /** {@code host:port=url} entries, keyed by {@link #key}. */
    static Map<String, URI> rest(List<String> entries) throws ConfigException {
        Map<String, URI> map = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new ConfigException(REST_KEY, 0, "'" + entry + "' is not host:port=http://url");
            }
            UpsId.HostPort hp;
            try {
                hp = UpsId.HostPort.parse(entry.substring(0, eq).trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(REST_KEY, 0, "'" + entry + "': " + e.getMessage());
            }
            URI uri;
            try {
                uri = new URI(entry.substring(eq + 1).trim());
            } catch (URISyntaxException e) {
                throw new ConfigException(REST_KEY, 0, "'" + entry + "': bad URL: " + e.getMessage());
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(REST_KEY, 0, "'" + entry + "': the URL must be http://host:port or https://...");
            }
            map.put(key(hp.host(), hp.port()), uri);
        }
        return map;
    }

    /** One upsd's key: host (case ignored) and port. */
    static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + "|" + port;
    }

    /** The REST base URL of the upsd serving {@code id}, or null when it is read over the NUT protocol. */
    public URI restOf(UpsId id) {
        return rest.get(key(id.host(), id.port()));
    }
}
