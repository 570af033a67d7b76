package org.knut.driver.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.knut.core.config.UpsConf;

/**
 * Where NUT's files live, decided as every knut service decides it: the configuration directory from
 * MP config {@code knut.conf-path}, else env {@code NUT_CONFPATH}, else {@code /etc/nut}; the state
 * directory (driver sockets) from {@code knut.state-path}, else env {@code NUT_STATEPATH}, else
 * {@code statepath} in ups.conf, else {@code /var/run/nut}.
 */
public final class NutPaths {
    public static final String DEFAULT_CONF_DIR = "/etc/nut";
    public static final String DEFAULT_STATE_DIR = "/var/run/nut";

    private NutPaths() {
    }

    public static Path confDir(Optional<String> confPath, Map<String, String> env) {
        return Path.of(confPath.orElseGet(() -> nonEmpty(env.get("NUT_CONFPATH")).orElse(DEFAULT_CONF_DIR)));
    }

    public static Path stateDir(Optional<String> statePath, Map<String, String> env, UpsConf upsConf) {
        return Path.of(statePath
                .or(() -> nonEmpty(env.get("NUT_STATEPATH")))
                .or(() -> nonEmpty(upsConf.global("statepath", null)))
                .orElse(DEFAULT_STATE_DIR));
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
