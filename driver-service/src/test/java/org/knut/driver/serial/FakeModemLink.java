package org.knut.driver.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A serial port whose modem lines the test sets and reads (a pty has none): inputs are set by the
 * test, outputs and BREAKs are recorded, and {@link #unplug()} makes every call fail as a vanished
 * device does. Its data side carries nothing.
 */
public final class FakeModemLink implements SerialLink {
    private volatile ModemInputs inputs = new ModemInputs(false, false, false, false);
    private final List<String> outputs = new ArrayList<>();
    private volatile boolean gone;
    private int breaks;

    /** An opener handing out this link, failing while unplugged. */
    public SerialOpener opener() {
        return s -> {
            if (gone) {
                throw new IOException("Unable to open " + s.path() + ": No such file or directory");
            }
            return this;
        };
    }

    public void inputs(boolean cts, boolean dcd, boolean ri, boolean dsr) {
        inputs = new ModemInputs(cts, dcd, ri, dsr);
    }

    public void unplug() {
        gone = true;
    }

    public void plugIn() {
        gone = false;
    }

    /** Every output change as "DTR=1 RTS=0", oldest first. */
    public synchronized List<String> outputs() {
        return List.copyOf(outputs);
    }

    public synchronized int breaks() {
        return breaks;
    }

    private void check() throws IOException {
        if (gone) {
            throw new IOException("device gone");
        }
    }

    @Override
    public synchronized void setOutputs(boolean dtr, boolean rts) throws IOException {
        check();
        outputs.add("DTR=" + (dtr ? 1 : 0) + " RTS=" + (rts ? 1 : 0));
    }

    @Override
    public ModemInputs inputs() throws IOException {
        check();
        return inputs;
    }

    @Override
    public synchronized void sendBreak(Duration length) throws IOException {
        check();
        breaks++;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        check();
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        check();
        return 0;
    }

    @Override
    public void discardInput() throws IOException {
        check();
    }

    @Override
    public void close() {
    }
}
