package org.knut.driver.apcsmart;

import java.io.IOException;
import java.time.Duration;
import java.util.function.IntConsumer;

import org.knut.driver.serial.SerialDevice;

/**
 * The APC Smart protocol's wire: single command characters out, LF-terminated answers back (CR and
 * the filler characters {@code |&} ignored). Alert characters may arrive at any time: in an
 * alert-aware read they go to the status handler, elsewhere they are dropped. Every read is bounded
 * in time (apcsmart's SER_D* delays) and length.
 */
final class ApcLink {
    /** How an answer is read (apcsmart's SER_* flag sets). */
    enum Read {
        /** Plain read, 3 s, alerts dropped. */
        PLAIN(Duration.ofSeconds(3), "\r|&" + ApcStatus.ALERTS, false, false),
        /** Alert-aware read, 3 s. */
        ALERTS(Duration.ofSeconds(3), "\r|&", true, false),
        /** 1.5 s, for commands that may stay silent. */
        SHORT(Duration.ofMillis(1500), "\r|&" + ApcStatus.ALERTS, false, false),
        /** 200 ms peek: anything there means the UPS refused the first character. */
        PEEK(Duration.ofMillis(200), "\r|&" + ApcStatus.ALERTS, false, false),
        /** The capability string: 6 s, '#' is data. */
        CAPABILITIES(Duration.ofSeconds(6), "\r|&$!%+?=", false, false),
        /** The command set: 6 s, nothing ignored. */
        COMMAND_SET(Duration.ofSeconds(6), "", false, false),
        /** Shutdown acknowledgement: 1.5 s, a '*' means OK. */
        SHUTDOWN_ACK(Duration.ofMillis(1500), "\r|&" + ApcStatus.ALERTS, false, true);

        final Duration timeout;
        final String ignore;
        final boolean alerts;
        final boolean starIsOk;

        Read(Duration timeout, String ignore, boolean alerts, boolean starIsOk) {
            this.timeout = timeout;
            this.ignore = ignore;
            this.alerts = alerts;
            this.starIsOk = starIsOk;
        }
    }

    /** apcsmart's APC_LBUF. */
    private static final int MAX_ANSWER = 511;
    /** Pace of the characters after the first in a long command. */
    private static final Duration LONG_PACE = Duration.ofMillis(50);
    /** Wait before repeating a command character. */
    private static final Duration REPEAT_GAP = Duration.ofMillis(1300);

    private final SerialDevice device;
    private final IntConsumer alertHandler;

    ApcLink(SerialDevice device, IntConsumer alertHandler) {
        this.device = device;
        this.alertHandler = alertHandler;
    }

    /** Drops pending input; with alerts, the pending alert characters are handled first (apc_flush(SER_AA)). */
    void flush(boolean handleAlerts) throws IOException {
        if (!handleAlerts) {
            device.discardInput();
            return;
        }
        byte[] buf = new byte[64];
        int n;
        while ((n = device.readAvailable(buf, Duration.ofMillis(1))) > 0) {
            for (int i = 0; i < n; i++) {
                if (ApcStatus.ALERTS.indexOf((char) (buf[i] & 0xff)) >= 0) {
                    alertHandler.accept(buf[i] & 0xff);
                }
            }
        }
    }

    void write(char c) throws IOException {
        device.write(String.valueOf(c), Duration.ZERO);
    }

    /** Sends a command character; returns the answer line, or null when none came in time. */
    String ask(char c, Read mode) throws IOException {
        write(c);
        return read(mode);
    }

    /**
     * A multi-character command ({@code @nnn}, {@code -<string>}): the first character, a peek for a
     * refusal, then the rest paced. False when the UPS answered the first character (it refused).
     */
    boolean writeLong(String command) throws IOException {
        write(command.charAt(0));
        if (read(Read.PEEK) != null) {
            return false;
        }
        device.write(command.substring(1), LONG_PACE);
        return true;
    }

    /** A command the UPS wants twice: the character, a peek for a refusal, 1.3 s, the character again. */
    boolean writeRepeated(char c) throws IOException {
        write(c);
        if (read(Read.PEEK) != null) {
            return false;
        }
        try {
            Thread.sleep(REPEAT_GAP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        write(c);
        return true;
    }

    /** One answer line, or null when none (or only part of one) came in time, or it was too long. */
    String read(Read mode) throws IOException {
        String line = device.readUntil('\n', MAX_ANSWER, mode.timeout, c -> {
            if (c == '*') {
                return mode.starIsOk ? "OK" : ""; // '*' is the shutdown acknowledgement, noise elsewhere
            }
            if (mode.ignore.indexOf(c) >= 0) {
                return "";
            }
            if (mode.alerts && ApcStatus.ALERTS.indexOf(c) >= 0) {
                alertHandler.accept(c);
                return "";
            }
            return null;
        });
        return line == null || line.length() >= MAX_ANSWER ? null : line;
    }
}
