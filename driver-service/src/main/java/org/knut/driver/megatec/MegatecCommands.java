package org.knut.driver.megatec;

import java.util.List;
import java.util.Locale;

import org.knut.core.text.CNumbers;

/** The instant commands of the Megatec protocol and the bytes each one sends. */
final class MegatecCommands {
    /** Offered in this order, as blazer adds them. */
    static final List<String> NAMES = List.of("beeper.toggle", "load.off", "load.on", "shutdown.return", "shutdown.stayoff",
            "shutdown.stop", "test.battery.start", "test.battery.start.deep", "test.battery.start.quick", "test.battery.stop");

    private final long ondelay;
    private final long offdelay;

    MegatecCommands(long ondelayMinutes, long offdelaySeconds) {
        this.ondelay = ondelayMinutes;
        this.offdelay = offdelaySeconds;
    }

    /**
     * What to send for a command, or null when the command is unknown.
     *
     * @throws IllegalArgumentException when the parameter is out of range
     */
    String wire(String command, String parameter) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "beeper.toggle" -> "Q\r";
            case "load.off" -> "S00R0000\r";
            case "load.on", "shutdown.stop" -> "C\r";
            case "test.battery.start.deep" -> "TL\r";
            case "test.battery.start.quick" -> "T\r";
            case "test.battery.stop" -> "CT\r";
            // S<n>: minutes, or .<n> tenths of a minute below one minute; R<m>: minutes until restart
            case "shutdown.return" -> ondelay == 0 ? "S" + offMinutes() + "\r" : "S" + offMinutes() + String.format("R%04d\r", ondelay);
            case "shutdown.stayoff" -> "S" + offMinutes() + "R0000\r";
            case "test.battery.start" -> {
                long minutes = parameter == null ? 10 : CNumbers.strtol(parameter);
                if (minutes < 1 || minutes > 99) {
                    throw new IllegalArgumentException("delay [" + parameter + "] out of range");
                }
                yield String.format("T%02d\r", minutes);
            }
            default -> null;
        };
    }

    private String offMinutes() {
        return offdelay < 60 ? "." + offdelay / 6 : String.format("%02d", offdelay / 60);
    }
}
