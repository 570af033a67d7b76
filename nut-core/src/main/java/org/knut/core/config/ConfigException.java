package org.knut.core.config;

/** A configuration error, naming the file and line it was found on as NUT's own messages do. */
public class ConfigException extends Exception {
    private final String file;
    private final int line;
    private final String reason;

    public ConfigException(String file, int line, String reason) {
        super(line > 0 ? file + " line " + line + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
