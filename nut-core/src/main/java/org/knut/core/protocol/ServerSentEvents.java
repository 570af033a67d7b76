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
    private String lastEventId;

    public ServerSentEvents(BoundedLineReader lines) {
        this.lines = lines;
    }

    /**
     * The last {@code id:} the stream gave (the HTML "last event ID buffer"), or null: what a client sends
     * as {@code Last-Event-ID} when it reconnects, to resume after it.
     */
    public String lastEventId() {
        return lastEventId;
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
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastEventId = value;
                    }
                }
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
                    // retry: knut's clients choose their own reconnection delay
                }
            }
        }
        return null;
    }
}
