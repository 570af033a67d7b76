package org.knut.core.testing.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of an HTTP/1.1 response in {@code Transfer-Encoding: chunked}: hex size line, that many
 * bytes, CRLF, ..., a zero-size chunk at the end (trailers are not read). Size lines have a bound.
 */
final class ChunkedInputStream extends InputStream {
    private static final int MAX_SIZE_LINE = 256;

    private final InputStream in;
    private long left; // bytes of the current chunk not yet read
    private boolean first = true;
    private boolean ended;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (left == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new EOFException("the stream ended inside a chunk");
        }
        left -= n;
        return n;
    }

    /** Reads the next size line; false at the last chunk. */
    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        if (!first) {
            readLine(); // the CRLF after the previous chunk's data
        }
        first = false;
        String line = readLine();
        int ext = line.indexOf(';');
        try {
            left = Long.parseLong((ext < 0 ? line : line.substring(0, ext)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size line '" + line + "'");
        }
        ended = left == 0;
        return !ended;
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("the stream ended in a chunk size line");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
            if (sb.length() > MAX_SIZE_LINE) {
                throw new IOException("chunk size line over " + MAX_SIZE_LINE + " bytes");
            }
        }
        return sb.toString();
    }
}
