package org.knut.driver.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A serial device that plays a script, for fuzzing a protocol decoder through its whole driver: the
 * script is the device's answers separated by NUL bytes, and each write the driver makes is answered
 * with the next one. A device that stays silent longer than a quick poll (the answer is used up, or the
 * script is) reads as unplugged: the driver then fails as it does for a vanished device, at once, where
 * a real silence would cost the fuzzer a reply timeout per input.
 */
public final class ScriptedSerialLink implements SerialLink {
    /** Reads up to this long may find nothing, as a poll for pending input does. */
    private static final Duration POLL = Duration.ofMillis(10);

    private final Deque<byte[]> answers = new ArrayDeque<>();
    private byte[] pending = new byte[0];
    private int pos;

    public ScriptedSerialLink(byte[] script) {
        int start = 0;
        for (int i = 0; i <= script.length; i++) {
            if (i == script.length || script[i] == 0) {
                answers.add(Arrays.copyOfRange(script, start, i));
                start = i + 1;
            }
        }
    }

    /** An opener handing out this link. */
    public SerialOpener opener() {
        return settings -> this;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (answers.isEmpty()) {
            throw new IOException("device gone (end of script)");
        }
        pending = answers.poll();
        pos = 0;
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        if (pos == pending.length) {
            if (timeout.compareTo(POLL) <= 0) {
                return 0;
            }
            throw new IOException("device silent (end of answer)");
        }
        int n = Math.min(buf.length, pending.length - pos);
        System.arraycopy(pending, pos, buf, 0, n);
        pos += n;
        return n;
    }

    @Override
    public void discardInput() {
        pos = pending.length;
    }

    @Override
    public void setOutputs(boolean dtr, boolean rts) {
        // no modem lines in a script
    }

    @Override
    public ModemInputs inputs() {
        return new ModemInputs(false, false, false, false);
    }

    @Override
    public void sendBreak(Duration length) {
        // no line to break
    }

    @Override
    public void close() {
        // nothing held
    }
}
