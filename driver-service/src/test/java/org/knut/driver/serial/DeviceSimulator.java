package org.knut.driver.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A UPS on the device end of a {@link PtyPair}: a thread reads what the driver sends, hands each
 * byte to the protocol subclass, and writes its answers, unless a fault is being played. When the
 * pty vanishes it waits for the device end to come back and serves again, as the device would after
 * being plugged in.
 */
public abstract class DeviceSimulator implements AutoCloseable {
    /** What the line does besides carrying the protocol. */
    public enum Fault {
        /** Answers as the protocol says. */
        NONE,
        /** Answers with random bytes (ending in the protocol's terminator) instead of the real answer. */
        GARBAGE,
        /** Reads, never answers. */
        STALLED
    }

    private final Path deviceEnd;
    private final Thread thread;
    private final List<String> received = new ArrayList<>();
    private final Random random = new Random(42);
    private final java.util.Queue<String> outbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile Fault fault = Fault.NONE;
    private volatile boolean running = true;
    private SerialLink link;

    protected DeviceSimulator(Path deviceEnd, String name) {
        this.deviceEnd = deviceEnd;
        this.thread = new Thread(this::serve, name);
        this.thread.setDaemon(true);
    }

    /** Starts serving; call once the subclass is constructed. */
    protected final void start() {
        thread.start();
    }

    public void fault(Fault f) {
        this.fault = f;
    }

    /** Every request the driver sent, as the subclass framed them, oldest first. */
    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public void clearReceived() {
        synchronized (received) {
            received.clear();
        }
    }

    /** Records one framed request. */
    protected final void record(String request) {
        synchronized (received) {
            received.add(request);
        }
    }

    /** One byte from the driver; answer with {@link #answer}. */
    protected abstract void onByte(int b) throws IOException;

    /** The character that ends an answer (garbage ends with it too, so the driver reads a whole bad line). */
    protected abstract char terminator();

    /** Sends an answer, or what the fault makes of it. */
    protected final void answer(String text) throws IOException {
        switch (fault) {
            case STALLED -> {
            }
            case GARBAGE -> {
                byte[] junk = new byte[5 + random.nextInt(40)];
                random.nextBytes(junk);
                for (int i = 0; i < junk.length; i++) {
                    if (junk[i] == terminator()) {
                        junk[i] = 'x';
                    }
                }
                link.write(junk);
                link.write(new byte[] {(byte) terminator()});
            }
            case NONE -> link.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Sends text the device emits on its own (alerts), from the simulator's thread, unless stalled. */
    protected final void unsolicited(String text) {
        outbox.add(text);
    }

    private void serve() {
        byte[] one = new byte[1];
        while (running) {
            try {
                if (link == null) {
                    link = JSerialCommLink.open(SerialSettings.eightN1(deviceEnd.toString(), 2400, false));
                }
                for (String out; (out = outbox.poll()) != null;) {
                    if (fault != Fault.STALLED) {
                        link.write(out.getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                if (link.read(one, Duration.ofMillis(20)) == 1) {
                    onByte(one[0] & 0xff);
                }
            } catch (IOException e) {
                if (link != null) {
                    link.close();
                    link = null;
                }
                pause();
            }
        }
        if (link != null) {
            link.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // waiting for the device end to be plugged in again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
