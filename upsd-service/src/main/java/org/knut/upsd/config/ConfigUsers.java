package org.knut.upsd.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsdUsers;
import org.knut.core.protocol.NutTokenizer;

/**
 * upsd users given as MicroProfile config, so that a Kubernetes Secret can supply them instead of (or
 * on top of) upsd.users. A user defined both ways takes its config definition. Keys:
 *
 * <pre>
 * knut.upsd.users.&lt;name&gt;.password   required
 * knut.upsd.users.&lt;name&gt;.actions    SET and/or FSD (comma or space separated)
 * knut.upsd.users.&lt;name&gt;.instcmds   command names or ALL (comma or space separated)
 * knut.upsd.users.&lt;name&gt;.upsmon     primary or secondary (master/slave accepted)
 * knut.upsd.users                   optional comma list of user names; needed only when the keys come
 *                                   from environment variables (KNUT_UPSD_USERS_ADMIN_PASSWORD cannot be
 *                                   told apart from a user called "admin_password" otherwise)
 * </pre>
 *
 * The values are checked by the same rules as upsd.users; an error names the offending key.
 */
public final class ConfigUsers {
    public static final String PREFIX = "knut.upsd.users";
    private static final List<String> FIELDS = List.of("password", "actions", "instcmds", "upsmon");

    private ConfigUsers() {
    }

    /**
     * The users defined by config keys. {@code lookup} reads one key, {@code names} are all known
     * property names (to discover users from dotted keys).
     */
    public static Map<String, UpsdUsers.User> read(Function<String, Optional<String>> lookup, Iterable<String> names)
            throws ConfigException {
        Map<String, UpsdUsers.User> users = new LinkedHashMap<>();
        for (String user : userNames(lookup, names)) {
            users.put(user, parse(user, lookup));
        }
        return users;
    }

    /** {@code file} users with the config users laid over them. */
    public static UpsdUsers merge(UpsdUsers file, Map<String, UpsdUsers.User> config) {
        Map<String, UpsdUsers.User> all = new LinkedHashMap<>(file.users());
        all.putAll(config);
        return new UpsdUsers(all);
    }

    private static Set<String> userNames(Function<String, Optional<String>> lookup, Iterable<String> names) {
        Set<String> users = new LinkedHashSet<>();
        lookup.apply(PREFIX).ifPresent(list -> {
            for (String n : list.split(",")) {
                if (!n.isBlank()) {
                    users.add(n.trim());
                }
            }
        });
        String dotted = PREFIX + ".";
        for (String key : names) {
            if (!key.startsWith(dotted)) {
                continue;
            }
            int lastDot = key.lastIndexOf('.');
            if (lastDot > dotted.length() && FIELDS.contains(key.substring(lastDot + 1))) {
                users.add(key.substring(dotted.length(), lastDot));
            }
        }
        return users;
    }

    /**
     * Writes the user's keys as an upsd.users section and parses it with nut-core's upsd.users rules;
     * the line an error points at tells which key it was.
     */
    private static UpsdUsers.User parse(String user, Function<String, Optional<String>> lookup) throws ConfigException {
        StringBuilder text = new StringBuilder("[").append(user).append("]\n");
        List<String> keyOfLine = new ArrayList<>();
        keyOfLine.add(key(user, "password")); // line 1: a missing password is reported on the section line
        for (String field : FIELDS) {
            Optional<String> value = lookup.apply(key(user, field));
            if (value.isEmpty()) {
                continue;
            }
            keyOfLine.add(key(user, field));
            text.append(field);
            if (field.equals("upsmon")) {
                text.append(' ').append(NutTokenizer.word(value.get().trim()));
            } else if (field.equals("password")) {
                text.append(" = ").append(NutTokenizer.quote(value.get()));
            } else {
                text.append(" =");
                for (String word : value.get().split("[,\\s]+")) {
                    if (!word.isEmpty()) {
                        text.append(' ').append(NutTokenizer.quote(word));
                    }
                }
            }
            text.append('\n');
        }
        try {
            UpsdUsers parsed = UpsdUsers.parse("config", text.toString());
            return parsed.user(user);
        } catch (ConfigException e) {
            int index = Math.max(0, Math.min(e.line(), keyOfLine.size()) - 1);
            throw new ConfigException(keyOfLine.get(index), 0, e.reason());
        }
    }

    private static String key(String user, String field) {
        return PREFIX + "." + user + "." + field;
    }
}
