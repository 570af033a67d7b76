package org.knut.driver.megatec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.knut.driver.megatec.MegatecSimulator.Power;

/**
 * A Voltronic Power UPS as nutdrv_qx's voltronic subdriver describes the protocol: {@code QPI} answers
 * the protocol number, {@code QGS} the general status (76 characters with its CR), commands are
 * acknowledged with {@code (ACK}, and everything else is refused with {@code (NAK}. Tests set the
 * electrical situation; the answers follow from it.
 */
public final class VoltronicSimulator extends QFamilySimulator {
    private final int protocol;
    private volatile boolean outputEqualsInput;

    /** @param protocol the number QPI answers ({@code PI01} for 1) */
    public VoltronicSimulator(Path deviceEnd, int protocol) {
        super(deviceEnd, "voltronic-simulator");
        this.protocol = protocol;
        start();
    }

    /** Sets bit 2 with the output at the input's voltage: bypass, or AVR on P00/P08 units. */
    public void outputEqualsInput(boolean on) {
        this.outputEqualsInput = on;
    }

    @Override
    protected void onLine(String cmd) throws IOException {
        answer(respond(cmd));
    }

    private String respond(String cmd) {
        switch (cmd) {
            case "QGS" -> {
                return status();
            }
            case "QPI" -> {
                return String.format("(PI%02d\r", protocol);
            }
            case "BZOFF", "BZON" -> beeper = cmd.equals("BZON");
            case "T", "TL" -> testing = true;
            case "CT" -> testing = false;
            case "CS", "SON" -> shutdownPending = false;
            case "SOFF" -> shutdownPending = true;
            default -> {
                if (cmd.matches("S(\\.[2-9]|\\d\\d)(R\\d{4})?")) {
                    shutdownPending = true;
                } else if (cmd.matches("T(\\.[2-9]|\\d\\d)")) {
                    testing = true;
                } else {
                    return "(NAK\r";
                }
            }
        }
        return "(ACK\r";
    }

    private String status() {
        Power p = power;
        boolean onBattery = p == Power.ON_BATTERY || p == Power.LOW_BATTERY;
        double in = onBattery ? 0.0 : p == Power.BOOST ? 190.2 : p == Power.TRIM ? 262.8 : 230.4;
        double out = outputEqualsInput ? in : p == Power.BOOST ? 218.0 : p == Power.TRIM ? 226.1 : p == Power.LOW_BATTERY ? 221.5 : 229.8;
        double battery = onBattery ? (p == Power.LOW_BATTERY ? 21.4 : 24.1) : 27.3;
        String bits = "10" + (onBattery ? "1" : "0") + (p == Power.LOW_BATTERY ? "1" : "0")
                + (outputEqualsInput || p == Power.BOOST || p == Power.TRIM ? "1" : "0") + "00" + (testing ? "1" : "0")
                + (shutdownPending ? "1" : "0") + (beeper ? "0" : "1") + "01";
        return String.format(Locale.ROOT, "(%05.1f %04.1f %05.1f %04.1f %05.1f %03d 369.1 ---.- %05.2f ---.- %05.1f %s\r", in,
                onBattery ? 0.0 : 50.0, out, 50.0, 1.2, p == Power.LOW_BATTERY ? 41 : 23, battery, 30.5, bits);
    }
}
