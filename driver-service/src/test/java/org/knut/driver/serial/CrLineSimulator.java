package org.knut.driver.serial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A device whose requests are lines ending in CR, as the Megatec/Q1 family's: each line is recorded,
 * then handed to {@link #onLine}. Lines longer than the protocol's commands are cut, not grown.
 */
public abstract class CrLineSimulator extends DeviceSimulator {
    private static final int MAX_LINE = 64;
    private final StringBuilder line = new StringBuilder();
    private long lineStart;
    private volatile Duration longestLine = Duration.ZERO;

    protected CrLineSimulator(Path deviceEnd, String name) {
        super(deviceEnd, name);
    }

    @Override
    protected final char terminator() {
        return '\r';
    }

    @Override
    protected final void onByte(int b) throws IOException {
        if (line.length() == 0) {
            lineStart = System.nanoTime();
        }
        if (b != '\r') {
            if (line.length() < MAX_LINE) {
                line.append((char) b);
            }
            return;
        }
        String request = line.toString();
        line.setLength(0);
        Duration span = Duration.ofNanos(System.nanoTime() - lineStart);
        if (span.compareTo(longestLine) > 0) {
            longestLine = span;
        }
        record(request);
        onLine(request);
    }

    /** One request, without its CR; answer with {@link #answer}. */
    protected abstract void onLine(String request) throws IOException;

    /** The longest time from a request's first byte to its CR: how slowly the driver types. */
    public Duration longestLine() {
        return longestLine;
    }
}
