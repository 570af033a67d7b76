package org.knut.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** NUT's {@code upsd.users}: one {@code [name]} section per user with password, actions, instcmds and upsmon role. */
public record UpsdUsers(Map<String, User> users) {

    public enum UpsmonRole {
        NONE, PRIMARY, SECONDARY
    }

    /**
     * One user. {@code actions} holds upper-cased words (SET, FSD); {@code instcmds} holds command names
     * or {@code ALL}.
     */
    public record User(String name, String password, Set<String> actions, Set<String> instcmds, UpsmonRole upsmon) {
        public boolean mayInstcmd(String cmd) {
            return instcmds.contains("ALL") || instcmds.contains(cmd.toLowerCase(Locale.ROOT)) || instcmds.contains(cmd);
        }

        public boolean maySet() {
            return actions.contains("SET");
        }

        /** FSD is granted by {@code actions = FSD} and implied by {@code upsmon primary}. */
        public boolean mayFsd() {
            return actions.contains("FSD") || upsmon == UpsmonRole.PRIMARY;
        }

        public boolean mayLogin() {
            return upsmon != UpsmonRole.NONE;
        }

        /** Without the password: a user may end up in a log or an error message. */
        @Override
        public String toString() {
            return "User[name=" + name + ", actions=" + actions + ", instcmds=" + instcmds + ", upsmon=" + upsmon + "]";
        }

        public boolean mayPrimary() {
            return upsmon == UpsmonRole.PRIMARY;
        }
    }

    public UpsdUsers {
        users = Collections.unmodifiableMap(users);
    }

    public User user(String name) {
        return users.get(name);
    }

    public static UpsdUsers read(Path file) throws ConfigException {
        return parse(ConfigReader.read(file));
    }

    public static UpsdUsers parse(String name, String text) throws ConfigException {
        return parse(ConfigReader.parse(name, text));
    }

    private static UpsdUsers parse(List<ConfigLine> lines) throws ConfigException {
        Map<String, User> users = new LinkedHashMap<>();
        Builder b = null;
        for (ConfigLine l : lines) {
            String sec = l.section();
            if (sec != null) {
                if (b != null) {
                    users.put(b.name, b.build());
                }
                if (users.containsKey(sec)) {
                    throw l.error("user [" + sec + "] is defined twice");
                }
                b = new Builder(sec, l);
                continue;
            }
            if (b == null) {
                throw l.error("'" + l.first() + "' outside of a [user] section");
            }
            String key = l.first().toLowerCase(Locale.ROOT);
            if (key.equals("upsmon")) {
                // 'upsmon primary', and 'upsmon = primary' as NUT also allows
                List<String> t = l.tokens();
                boolean withEquals = t.size() == 3 && t.get(1).equals("=");
                if (t.size() != 2 && !withEquals) {
                    throw l.error("upsmon takes one word: primary or secondary");
                }
                String role = t.get(t.size() - 1);
                b.upsmon = switch (role.toLowerCase(Locale.ROOT)) {
                    case "primary", "master" -> UpsmonRole.PRIMARY;
                    case "secondary", "slave" -> UpsmonRole.SECONDARY;
                    default -> throw l.error("unknown upsmon role '" + role + "' (primary or secondary)");
                };
                continue;
            }
            List<String> values = values(l);
            switch (key) {
                case "password" -> {
                    if (values.size() != 1) {
                        throw l.error("password takes one value (quote it if it has spaces)");
                    }
                    b.password = values.get(0);
                }
                case "actions" -> {
                    for (String a : values) {
                        String up = a.toUpperCase(Locale.ROOT);
                        if (!up.equals("SET") && !up.equals("FSD")) {
                            throw l.error("unknown action '" + a + "' (SET or FSD)");
                        }
                        b.actions.add(up);
                    }
                }
                case "instcmds" -> {
                    for (String c : values) {
                        b.instcmds.add(c.equalsIgnoreCase("all") ? "ALL" : c);
                    }
                }
                case "allowfrom" -> {
                    // pre-2.4 host ACL reference; ignored as NUT itself does
                }
                default -> throw l.error("unknown upsd.users setting '" + l.first() + "'");
            }
        }
        if (b != null) {
            users.put(b.name, b.build());
        }
        return new UpsdUsers(users);
    }

    /** Values of {@code key = a b c} (or {@code key=a}, which the reader splits alike); several words are several values. */
    private static List<String> values(ConfigLine l) throws ConfigException {
        List<String> t = l.tokens();
        if (t.size() >= 3 && t.get(1).equals("=")) {
            return new ArrayList<>(t.subList(2, t.size()));
        }
        throw l.error("expected '" + t.get(0) + " = value'");
    }

    private static final class Builder {
        final String name;
        final ConfigLine where;
        String password;
        final Set<String> actions = new LinkedHashSet<>();
        final Set<String> instcmds = new LinkedHashSet<>();
        UpsmonRole upsmon = UpsmonRole.NONE;

        Builder(String name, ConfigLine where) {
            this.name = name;
            this.where = where;
        }

        User build() throws ConfigException {
            if (password == null) {
                throw where.error("user [" + name + "] has no password");
            }
            return new User(name, password, Set.copyOf(actions), Set.copyOf(instcmds), upsmon);
        }
    }
}
