package org.knut.driver.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.knut.core.testing.Command;

/**
 * Modem-control lines for a pseudo-terminal, which has none: {@code modemlines.c} (a test resource),
 * compiled here with gcc and preloaded into a driver process ({@link #environment}), answers that
 * process's TIOCMGET/TIOCMSET/TIOCMBIS/TIOCMBIC and BREAK on the device from a state file of
 * TIOCM_* bits. The test sets the inputs and reads the outputs the driver set. Works for any
 * dynamically linked driver: NUT's C genericups and a JVM running jSerialComm alike.
 */
public final class SimulatedModemLines {
    /** Linux's TIOCM_* bits. */
    public static final int DTR = 0x002;
    public static final int RTS = 0x004;
    public static final int CTS = 0x020;
    public static final int DCD = 0x040;
    public static final int RI = 0x080;
    public static final int DSR = 0x100;
    /** Not a line: the shim's latch for "a BREAK was sent". */
    public static final int BREAK_SENT = 0x10000;

    private static final int INPUTS = CTS | DCD | RI | DSR;

    private final Path library;
    private final Path state;

    /** Builds the shim in {@code dir}; all lines start deasserted. */
    public SimulatedModemLines(Path dir) throws IOException {
        Path source = dir.resolve("modemlines.c");
        try (InputStream in = SimulatedModemLines.class.getResourceAsStream("modemlines.c")) {
            Files.copy(in, source);
        }
        library = dir.resolve("modemlines.so");
        Command.Result gcc = Command.run(List.of("gcc", "-shared", "-fPIC", "-Wall", "-Werror", "-o", library.toString(),
                source.toString(), "-ldl"), "", Duration.ofSeconds(60));
        assertEquals(0, gcc.exitCode(), "gcc is needed to build the modem-line shim: " + gcc);
        state = dir.resolve("modemlines.state");
        Files.write(state, encode(0));
    }

    /** What a driver process needs to see simulated lines on {@code port} (a link to the pty is resolved). */
    public Map<String, String> environment(Path port) throws IOException {
        return Map.of("LD_PRELOAD", library.toString(), "KNUT_MODEM_DEVICE", port.toRealPath().toString(), "KNUT_MODEM_STATE",
                state.toString());
    }

    /** Sets the inputs the UPS drives (CTS, DCD, RI, DSR bits), keeping the rest. */
    public void inputs(int lines) throws IOException {
        update(INPUTS, lines & INPUTS);
    }

    /** Deasserts the outputs and clears the BREAK latch, as a freshly powered cable. */
    public void resetOutputs() throws IOException {
        update(~INPUTS, 0);
    }

    /** Every line and the BREAK latch, as the driver left them. */
    public int state() throws IOException {
        return update(0, 0);
    }

    /** The outputs (DTR, RTS) and the BREAK latch. */
    public int outputs() throws IOException {
        return state() & ~INPUTS;
    }

    /** Under the fcntl lock the shim takes as well. */
    private int update(int clear, int set) throws IOException {
        try (FileChannel ch = FileChannel.open(state, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            ByteBuffer buf = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
            ch.read(buf, 0);
            int lines = (buf.flip().getInt() & ~clear) | set;
            if ((clear | set) != 0) {
                ch.write(ByteBuffer.wrap(encode(lines)), 0);
            }
            return lines;
        }
    }

    private static byte[] encode(int lines) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(lines).array();
    }

    /** For messages: the asserted lines by name. */
    public static String names(int lines) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"DTR", "RTS", "CTS", "DCD", "RI", "DSR", "BREAK"};
        int[] bits = {DTR, RTS, CTS, DCD, RI, DSR, BREAK_SENT};
        for (int i = 0; i < bits.length; i++) {
            if ((lines & bits[i]) != 0) {
                sb.append(sb.isEmpty() ? "" : "+").append(names[i]);
            }
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
