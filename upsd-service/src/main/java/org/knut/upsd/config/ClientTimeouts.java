package org.knut.upsd.config;

import java.time.Duration;

/**
 * How long a NUT client may keep a connection without making progress.
 *
 * @param idle a client that sends nothing this long is closed (upsd's fixed minute)
 * @param line a request line begun but not finished this long is a slow-loris client: closed
 * @param send replies the client does not read for this long (the connection stays over its write
 *             high-water mark) close it too
 */
public record ClientTimeouts(Duration idle, Duration line, Duration send) {
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_LINE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SEND = Duration.ofSeconds(30);

    /** The shortest of the three: the sweep that enforces them must run at least this often. */
    public Duration shortest() {
        Duration d = idle.compareTo(line) < 0 ? idle : line;
        return d.compareTo(send) < 0 ? d : send;
    }
}
