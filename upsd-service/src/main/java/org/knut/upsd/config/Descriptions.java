package org.knut.upsd.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.knut.core.config.ConfigException;
import org.knut.core.config.ConfigLine;
import org.knut.core.config.ConfigReader;

/**
 * Variable and command descriptions for GET DESC / GET CMDDESC, read from NUT's {@code cmdvartab}
 * ({@code VARDESC <name> "<text>"} and {@code CMDDESC <name> "<text>"} lines) as upsd does. Names are
 * matched case-insensitively; without the file every description is unavailable.
 */
public final class Descriptions {
    /** What upsd answers when it has no description. */
    public static final String UNAVAILABLE = "Description unavailable";

    private final Map<String, String> vars;
    private final Map<String, String> cmds;

    public Descriptions(Map<String, String> vars, Map<String, String> cmds) {
        this.vars = lowerKeys(vars);
        this.cmds = lowerKeys(cmds);
    }

    public static Descriptions none() {
        return new Descriptions(Map.of(), Map.of());
    }

    /** Reads {@code cmdvartab}; a missing file gives no descriptions. */
    public static Descriptions load(Path cmdvartab) throws ConfigException {
        if (!Files.isRegularFile(cmdvartab)) {
            return none();
        }
        Map<String, String> vars = new HashMap<>();
        Map<String, String> cmds = new HashMap<>();
        for (ConfigLine l : ConfigReader.read(cmdvartab)) {
            if (l.size() < 3) {
                continue; // upsd skips short lines too
            }
            switch (l.first()) {
                case "VARDESC" -> vars.put(l.tokens().get(1), l.tokens().get(2));
                case "CMDDESC" -> cmds.put(l.tokens().get(1), l.tokens().get(2));
                default -> {
                    // other keywords are for other tools
                }
            }
        }
        return new Descriptions(vars, cmds);
    }

    public String variable(String name) {
        return vars.getOrDefault(name.toLowerCase(Locale.ROOT), UNAVAILABLE);
    }

    public String command(String name) {
        return cmds.getOrDefault(name.toLowerCase(Locale.ROOT), UNAVAILABLE);
    }

    public int size() {
        return vars.size() + cmds.size();
    }

    private static Map<String, String> lowerKeys(Map<String, String> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(out);
    }
}
