package org.knut.upsd.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks the NUT protocol line by line and collects whole replies (a LIST reply runs from BEGIN to END),
 * so that the same conversation can be held with two servers and the transcripts compared.
 */
public final class NutConversation implements AutoCloseable {
    private final RawClient client;

    public NutConversation(int port) throws IOException {
        client = new RawClient(port);
    }

    /** Sends one request and returns its complete reply, newline-terminated lines. */
    public String exchange(String request) throws IOException {
        client.send(request + "\n");
        String first = client.readLines(1);
        if (!first.startsWith("BEGIN LIST")) {
            return first;
        }
        StringBuilder all = new StringBuilder(first);
        String line;
        do {
            line = client.readLines(1);
            all.append(line);
        } while (!line.startsWith("END LIST"));
        return all.toString();
    }

    /** Every request with its reply, {@code request -> reply} per line of the result. */
    public List<String> transcript(List<String> requests) throws IOException {
        List<String> out = new ArrayList<>();
        for (String r : requests) {
            out.add(r + " -> " + exchange(r).replace("\n", "\\n"));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
