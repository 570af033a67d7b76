package org.knut.core.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}-terminated lines from a stream with a bound on line length, so that a peer sending
 * endless garbage cannot make us buffer without limit. A trailing {@code \r} is dropped. Not thread-safe.
 */
public final class BoundedLineReader {
    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int lim;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(128);

    public BoundedLineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line without its terminator, or null at end of stream. */
    public String readLine() throws IOException {
        line.reset();
        while (true) {
            if (pos == lim) {
                lim = in.read(buf);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    if (line.size() == 0) {
                        return null;
                    }
                    return finish();
                }
            }
            int start = pos;
            while (pos < lim && buf[pos] != '\n') {
                pos++;
            }
            line.write(buf, start, pos - start);
            if (line.size() > maxLine) {
                throw new LineTooLongException(maxLine);
            }
            if (pos < lim) {
                pos++; // consume '\n'
                return finish();
            }
        }
    }

    private String finish() {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Raised when a line exceeds the bound; the stream should then be closed. */
    public static final class LineTooLongException extends IOException {
        public LineTooLongException(int max) {
            super("line longer than " + max + " bytes");
        }
    }
}
