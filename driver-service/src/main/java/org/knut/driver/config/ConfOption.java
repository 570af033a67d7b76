package org.knut.driver.config;

/**
 * One setting inside a ups.conf section, where it was written.
 *
 * @param key the setting's name
 * @param value its value, or null for a flag written without {@code =}
 * @param line the line it is on
 */
public record ConfOption(String key, String value, int line) {
    public boolean isFlag() {
        return value == null;
    }
}
