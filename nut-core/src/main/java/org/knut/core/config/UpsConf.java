package org.knut.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NUT's {@code ups.conf}: global settings, then one {@code [name]} section per UPS with its
 * {@code driver}, {@code port} and driver options. Flags without a value (e.g. {@code nolock}) are kept
 * with the value {@code "true"}.
 */
public record UpsConf(Map<String, String> globals, List<Section> sections) {

    /** One UPS: its name, driver program, port and every other option (desc, pollinterval, ...). */
    public record Section(String name, String driver, String port, Map<String, String> options, int line) {
        public String desc() {
            return options.getOrDefault("desc", "");
        }

        public String option(String key, String fallback) {
            return options.getOrDefault(key, fallback);
        }
    }

    public UpsConf {
        globals = Collections.unmodifiableMap(globals);
        sections = List.copyOf(sections);
    }

    public Section section(String name) {
        for (Section s : sections) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    public String global(String key, String fallback) {
        return globals.getOrDefault(key, fallback);
    }

    public static UpsConf read(Path file) throws ConfigException {
        return parse(ConfigReader.read(file));
    }

    public static UpsConf parse(String name, String text) throws ConfigException {
        return parse(ConfigReader.parse(name, text));
    }

    private static UpsConf parse(List<ConfigLine> lines) throws ConfigException {
        Map<String, String> globals = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        String current = null;
        int currentLine = 0;
        Map<String, String> opts = null;
        String file = lines.isEmpty() ? "ups.conf" : lines.get(0).file();
        for (ConfigLine l : lines) {
            String sec = l.section();
            if (sec != null) {
                if (current != null) {
                    sections.add(finish(file, current, currentLine, opts));
                }
                validateName(l, sec, sections);
                current = sec;
                currentLine = l.line();
                opts = new LinkedHashMap<>();
                continue;
            }
            ConfigLine.KeyValue kv = l.keyValue();
            String key = kv == null ? l.first() : kv.key();
            String value = kv == null ? "true" : kv.value();
            if (current == null) {
                globals.put(key, value);
            } else {
                opts.put(key, value);
            }
        }
        if (current != null) {
            sections.add(finish(file, current, currentLine, opts));
        }
        return new UpsConf(globals, sections);
    }

    private static void validateName(ConfigLine l, String name, List<Section> seen) throws ConfigException {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == '@' || c == ':' || c == '"' || c == '/') {
                throw l.error("invalid UPS name [" + name + "]: it may not contain spaces, '@', ':', '/' or quotes");
            }
        }
        for (Section s : seen) {
            if (s.name().equals(name)) {
                throw l.error("UPS [" + name + "] is defined twice (first on line " + s.line() + ")");
            }
        }
    }

    private static Section finish(String file, String name, int line, Map<String, String> opts) throws ConfigException {
        String driver = opts.remove("driver");
        String port = opts.remove("port");
        if (driver == null) {
            throw new ConfigException(file, line, "UPS [" + name + "] has no 'driver' setting");
        }
        if (port == null) {
            throw new ConfigException(file, line, "UPS [" + name + "] has no 'port' setting");
        }
        return new Section(name, driver, port, Collections.unmodifiableMap(opts), line);
    }
}
