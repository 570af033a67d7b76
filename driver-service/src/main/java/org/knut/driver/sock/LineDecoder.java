package org.knut.driver.sock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Cuts the bytes a socket client sends into {@code \n}-terminated lines (a trailing {@code \r} is
 * dropped), holding at most {@code maxLine} bytes. A longer line is skipped up to its newline and
 * reported once, so a client cannot make the driver buffer without bound.
 */
final class LineDecoder {
    interface Sink {
        void line(String line);

        /** A line of {@code length} bytes (at least) was skipped. */
        void overlong(int length);
    }

    private final byte[] buf;
    private int len;
    private boolean skipping;
    private int skipped;

    LineDecoder(int maxLine) {
        this.buf = new byte[maxLine];
    }

    void feed(ByteBuffer in, Sink sink) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (skipping) {
                    sink.overlong(skipped);
                    skipping = false;
                } else {
                    int end = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
                    sink.line(new String(buf, 0, end, StandardCharsets.UTF_8));
                }
                len = 0;
            } else if (skipping) {
                skipped++;
            } else if (len == buf.length) {
                skipping = true;
                skipped = len + 1;
                len = 0;
            } else {
                buf[len++] = b;
            }
        }
    }
}
