package org.knut.driver.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the real port (a pty, which has no modem lines) but keeps the modem-line calls for itself:
 * every output change is recorded as "DTR=1 RTS=0", and {@link #refuseOutputs} makes them fail as a
 * port without modem control does. Data goes to the real port untouched.
 */
public final class LineRecordingOpener implements SerialOpener {
    private final List<String> outputs = new ArrayList<>();
    private volatile boolean refuse;
    private int opens;

    public synchronized List<String> outputs() {
        return List.copyOf(outputs);
    }

    public synchronized int opens() {
        return opens;
    }

    public void refuseOutputs() {
        refuse = true;
    }

    @Override
    public SerialLink open(SerialSettings settings) throws IOException {
        SerialLink real = JSerialCommLink.open(settings);
        synchronized (this) {
            opens++;
        }
        return new SerialLink() {
            @Override
            public void setOutputs(boolean dtr, boolean rts) throws IOException {
                if (refuse) {
                    throw new IOException("Inappropriate ioctl for device");
                }
                synchronized (LineRecordingOpener.this) {
                    outputs.add("DTR=" + (dtr ? 1 : 0) + " RTS=" + (rts ? 1 : 0));
                }
            }

            @Override
            public ModemInputs inputs() throws IOException {
                return real.inputs();
            }

            @Override
            public void sendBreak(Duration length) throws IOException {
                real.sendBreak(length);
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                real.write(bytes);
            }

            @Override
            public int read(byte[] buf, Duration timeout) throws IOException {
                return real.read(buf, timeout);
            }

            @Override
            public void discardInput() throws IOException {
                real.discardInput();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
