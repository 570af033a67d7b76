package org.knut.driver.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jboss.logging.Logger;

/**
 * A UPS's serial port that survives the device going away: opened on first use, closed when an
 * operation fails, and opened again by the next use (the next poll). It also carries the text
 * exchanges the serial protocols share: paced sends and terminator-delimited reads, every read bounded
 * in time and length.
 */
public final class SerialDevice implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SerialDevice.class);

    /** What to do to a freshly opened port (e.g. power the cable through DTR/RTS). */
    @FunctionalInterface
    public interface Setup {
        void apply(SerialLink link) throws IOException;
    }

    private final SerialSettings settings;
    private final SerialOpener opener;
    private final Setup setup;
    private SerialLink link;
    private boolean wasLost;

    public SerialDevice(SerialSettings settings, SerialOpener opener, Setup setup) {
        this.settings = settings;
        this.opener = opener;
        this.setup = setup;
    }

    public SerialSettings settings() {
        return settings;
    }

    /** The open link, opening (again) if needed. */
    public SerialLink link() throws IOException {
        if (link == null) {
            SerialLink l = opener.open(settings);
            try {
                setup.apply(l);
            } catch (IOException | RuntimeException e) {
                l.close();
                throw e;
            }
            link = l;
            if (wasLost) {
                LOG.infof("%s: device is back", settings.path());
                wasLost = false;
            }
        }
        return link;
    }

    public boolean isOpen() {
        return link != null;
    }

    /** Closes the link after a failure, so that the next use reopens the device. */
    public IOException lost(IOException e) {
        if (link != null) {
            LOG.warnf("%s: %s; will reopen", settings.path(), e.getMessage());
            link.close();
            link = null;
            wasLost = true;
        }
        return e;
    }

    /** Drops what the device sent that nobody read yet. */
    public void discardInput() throws IOException {
        try {
            link().discardInput();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** Writes {@code text} in ISO-8859-1, waiting {@code pace} between characters. */
    public void write(String text, Duration pace) throws IOException {
        SerialLink l = link();
        try {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            if (pace.isZero()) {
                l.write(bytes);
                return;
            }
            for (byte b : bytes) {
                l.write(new byte[] {b});
                sleep(pace);
            }
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** Reads what is there now (at most {@code buf.length} bytes, waiting up to {@code timeout}); 0 when nothing. */
    public int readAvailable(byte[] buf, Duration timeout) throws IOException {
        try {
            return link().read(buf, timeout);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** What a line read does with each character before the terminator. */
    @FunctionalInterface
    public interface CharFilter {
        /** Keeps every character. */
        CharFilter KEEP_ALL = c -> null;

        /** null keeps the character, "" drops it, anything else ends the read with that as the answer. */
        String take(char c);
    }

    /**
     * Reads up to {@code end} within {@code timeout}: the text before it, as {@code filter} lets it
     * through, or null when no complete reply came in time (a partial one is dropped, as a terminal in
     * canonical mode drops it). {@code maxLength} characters without the terminator are returned as they
     * are, for the caller to reject.
     */
    public String readUntil(char end, int maxLength, Duration timeout, CharFilter filter) throws IOException {
        SerialLink l = link();
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder line = new StringBuilder();
        byte[] one = new byte[1];
        try {
            while (line.length() < maxLength) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                if (l.read(one, Duration.ofNanos(left)) == 0) {
                    continue;
                }
                char c = (char) (one[0] & 0xff);
                if (c == end) {
                    return line.toString();
                }
                String verdict = filter.take(c);
                if (verdict == null) {
                    line.append(c);
                } else if (!verdict.isEmpty()) {
                    return verdict;
                }
            }
            return line.toString();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** The modem-control lines of the open port. */
    public ModemLines lines() throws IOException {
        SerialLink l = link();
        return new ModemLines() {
            @Override
            public void setOutputs(boolean dtr, boolean rts) throws IOException {
                try {
                    l.setOutputs(dtr, rts);
                } catch (IOException e) {
                    throw lost(e);
                }
            }

            @Override
            public ModemInputs inputs() throws IOException {
                try {
                    return l.inputs();
                } catch (IOException e) {
                    throw lost(e);
                }
            }

            @Override
            public void sendBreak(Duration length) throws IOException {
                try {
                    l.sendBreak(length);
                } catch (IOException e) {
                    throw lost(e);
                }
            }
        };
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
