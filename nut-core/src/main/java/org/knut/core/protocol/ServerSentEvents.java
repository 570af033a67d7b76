package org.knut.core.protocol;

import java.io.IOException;

/**
 * Reads a {@code text/event-stream} (the HTML Server-Sent Events format) one event at a time: {@code event:}
 * names it, {@code data:} lines are joined with newlines, a blank line ends it, {@code :} lines are
 * comments. Lines and events have bounds, so a broken server cannot make a client buffer without end; an event over the bound is skipped.
 */
public final class ServerSentEvents {
    /** One event; {@code name} is {@code message} when the server gave none. */
    public record Event(String name, String data) {
    }

    /** The longest event (all its data lines) kept. */
    public static final int MAX_EVENT = 64 * 1024;

    private final BoundedLineReader lines;

    public ServerSentEvents(BoundedLineReader lines) {
        this.lines = lines;
    }

    /** The next event, or null at the end of the stream. Events without data are skipped, as browsers do. */
    public Event next() throws IOException {
        String name = null;
        StringBuilder data = null;
        boolean tooLong = false;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null && !tooLong) {
                    return new Event(name == null ? "message" : name, data.toString());
                }
                name = null;
                data = null;
                tooLong = false;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder();
                    } else {
                        data.append('\n');
                    }
                    data.append(value);
                    tooLong |= data.length() > MAX_EVENT;
                    if (tooLong) {
                        data.setLength(0);
                    }
                }
                default -> {
                    // id and retry: knut's clients resume from upsd's snapshot, not by Last-Event-ID
                }
            }
        }
        return null;
    }
}
