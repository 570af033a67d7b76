package org.knut.driver.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A serial port through jSerialComm. The device path is resolved to the real device first (a udev or
 * socat symbolic link names a {@code /dev/pts/N} or {@code /dev/ttyUSBn}). The lock is jSerialComm's
 * exclusive lock, {@code flock(LOCK_EX|LOCK_NB)} on the device, which is exactly what NUT's drivers
 * take on Linux, so a knut driver and a C driver never share a port.
 *
 * <p>jSerialComm answers -1 (or a short write) once the device is gone (a USB adapter unplugged, the
 * other end of a pseudo-terminal closed); those become {@link IOException}s so the owner can reopen.
 */
public final class JSerialCommLink implements SerialLink {
    /** errno values jSerialComm reports after a failed open. */
    private static final int ENOENT = 2;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;

    private final SerialPort port;
    private final String name;
    private int readTimeoutMillis = -1;

    private JSerialCommLink(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /** Opens and configures the port; the message of a failure says why in NUT's words. */
    public static JSerialCommLink open(SerialSettings s) throws IOException {
        Path real;
        try {
            real = Path.of(s.path()).toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException("Unable to open " + s.path() + ": No such file or directory");
        }
        if (!Files.isReadable(real) || !Files.isWritable(real)) {
            throw new IOException("Unable to open " + s.path() + ": Permission denied");
        }
        SerialPort p = SerialPort.getCommPort(real.toString());
        if (!s.lock()) {
            p.disableExclusiveLock();
        }
        p.setComPortParameters(s.baud(), s.dataBits(), s.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                parity(s.parity()));
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (s.keepLinesOnClose()) {
            // jSerialComm has no HUPCL switch: it clears HUPCL when it opens a port whose DTR was
            // cleared beforehand. Nothing reaches the line here; the owner sets the outputs after opening.
            p.clearDTR();
        }
        if (!p.openPort()) {
            int errno = p.getLastErrorCode();
            // another process's flock gives EAGAIN; jSerialComm reports ENOENT for a port this process holds
            boolean held = errno == ENOENT && Files.exists(real);
            throw new IOException(held ? s.path() + " is locked by another process" : switch (errno) {
                case EAGAIN, EBUSY -> s.path() + " is locked by another process";
                case EACCES -> "Unable to open " + s.path() + ": Permission denied";
                case ENOENT -> "Unable to open " + s.path() + ": No such file or directory";
                default -> "Unable to open " + s.path() + " (errno " + errno + ")";
            });
        }
        return new JSerialCommLink(p, s.path());
    }

    private static int parity(Parity p) {
        return switch (p) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int done = 0;
        while (done < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - done, done);
            if (n <= 0) {
                throw gone("write");
            }
            done += n;
        }
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (millis != readTimeoutMillis) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, millis, 0);
            readTimeoutMillis = millis;
        }
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            throw gone("read");
        }
        return n;
    }

    @Override
    public void discardInput() throws IOException {
        byte[] sink = new byte[256];
        int avail;
        while ((avail = port.bytesAvailable()) > 0) {
            if (port.readBytes(sink, Math.min(avail, sink.length)) < 0) {
                throw gone("read");
            }
        }
        if (avail < 0) {
            throw gone("read");
        }
    }

    @Override
    public void setOutputs(boolean dtr, boolean rts) throws IOException {
        boolean ok = (dtr ? port.setDTR() : port.clearDTR()) & (rts ? port.setRTS() : port.clearRTS());
        if (!ok) {
            throw new IOException(name + ": cannot set DTR/RTS (errno " + port.getLastErrorCode()
                    + "; a pseudo-terminal has no modem-control lines)");
        }
    }

    /**
     * The inputs. jSerialComm reads a failed TIOCMGET as "not asserted", so a vanished device is
     * detected by the byte count query failing, which it does once the device is gone.
     */
    @Override
    public ModemInputs inputs() throws IOException {
        ModemInputs in = new ModemInputs(port.getCTS(), port.getDCD(), port.getRI(), port.getDSR());
        if (port.bytesAvailable() < 0) {
            throw gone("read modem status of");
        }
        return in;
    }

    @Override
    public void sendBreak(Duration length) throws IOException {
        if (!port.setBreak()) {
            throw gone("send BREAK on");
        }
        try {
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            port.clearBreak();
        }
    }

    private IOException gone(String what) {
        return new IOException("cannot " + what + " " + name + " (errno " + port.getLastErrorCode() + "): device gone");
    }

    @Override
    public void close() {
        port.closePort();
    }
}
