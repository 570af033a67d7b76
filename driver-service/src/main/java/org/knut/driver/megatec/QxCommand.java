package org.knut.driver.megatec;

import org.knut.driver.spi.DriverState;
import org.knut.core.text.CNumbers;

/**
 * An instant command of a nutdrv_qx subdriver and how its bytes are made (blazer_process_command).
 *
 * @param name the NUT command
 * @param template the bytes sent, without the CR; {@code %s} or {@code %02d} take the computed part
 * @param param what fills the template
 */
record QxCommand(String name, String template, Param param) {

    enum Param {
        /** Sent as it is. */
        NONE,
        /** {@code S<n>[R<m>]}: the shutdown delay, and the start delay in minutes unless it is 0. */
        SHUTDOWN_RETURN,
        /** {@code S<n>}: the shutdown delay only. */
        SHUTDOWN_STAYOFF,
        /** The test length: seconds given (600 when none), sent in minutes. */
        TEST_MINUTES,
        /** Voltronic's test length: seconds given (600 when none, 12..5940), sent as tenths of a minute below one minute. */
        TEST_SHORT_OR_MINUTES,
        /** Mecer's test length: as Voltronic's on a P98 unit, from 60 s on other units. */
        TEST_SHORT_ON_P98,
        /** Voltronic's beeper: {@code OFF} while it is enabled, {@code ON} while it is disabled. */
        BEEPER_TOGGLE,
        /** Sent as it is; only a QS-Hex unit of the T protocol has the command. */
        NONE_ON_QS_HEX_T
    }

    /** Whether the unit has this command ({@code ups.firmware.aux} tells a QS-Hex unit's protocol). */
    boolean available(DriverState state) {
        return param != Param.NONE_ON_QS_HEX_T || QxSubdrivers.qsHexT(state.value("ups.firmware.aux"));
    }

    static QxCommand plain(String name, String template) {
        return new QxCommand(name, template, Param.NONE);
    }

    /**
     * The bytes to send, CR included.
     *
     * @param parameter the client's extra data, or null
     * @param state where {@code ups.delay.start/shutdown} and {@code ups.beeper.status} are read
     * @throws IllegalArgumentException when the parameter is out of range or the command cannot apply
     */
    String wire(String parameter, DriverState state) {
        long ondelay = CNumbers.strtol(String.valueOf(state.value("ups.delay.start")));
        long offdelay = CNumbers.strtol(String.valueOf(state.value("ups.delay.shutdown")));
        String body = switch (param) {
            case NONE, NONE_ON_QS_HEX_T -> template;
            case SHUTDOWN_RETURN -> String.format(template, ondelay / 60 <= 0 ? offMinutes(offdelay)
                    : offMinutes(offdelay) + String.format("R%04d", ondelay / 60));
            case SHUTDOWN_STAYOFF -> String.format(template, offMinutes(offdelay));
            case TEST_MINUTES -> {
                long delay = parameter == null || parameter.isEmpty() ? 600 : CNumbers.strtol(parameter);
                if (delay < 60 || delay > 5940) {
                    throw new IllegalArgumentException("battery test time '" + delay + "' out of range [60..5940] seconds");
                }
                yield String.format(template, delay / 60);
            }
            case TEST_SHORT_OR_MINUTES -> shortOrMinutesTest(parameter, 12);
            case TEST_SHORT_ON_P98 -> shortOrMinutesTest(parameter, QxSubdrivers.P98.equals(state.value("ups.firmware.aux")) ? 12 : 60);
            case BEEPER_TOGGLE -> {
                String beeper = state.value("ups.beeper.status");
                if (!"enabled".equals(beeper) && !"disabled".equals(beeper)) {
                    throw new IllegalArgumentException("beeper status unknown [" + beeper + "]");
                }
                yield String.format(template, beeper.equals("enabled") ? "OFF" : "ON");
            }
        };
        return body + "\r";
    }

    /** A test of the given seconds (600 when none, {@code min}..5940), in tenths of a minute below one minute. */
    private String shortOrMinutesTest(String parameter, long min) {
        if (parameter != null && !parameter.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("non numerical value [" + parameter + "]");
        }
        long delay = parameter == null || parameter.isEmpty() ? 600 : CNumbers.strtol(parameter);
        if (delay < min || delay > 5940) {
            throw new IllegalArgumentException("battery test time '" + delay + "' out of range [" + min + "..5940] seconds");
        }
        return String.format(template, offMinutes(delay));
    }

    /** Below a minute the S and T commands count tenths of a minute. */
    private static String offMinutes(long offdelay) {
        return offdelay < 60 ? "." + offdelay / 6 : String.format("%02d", offdelay / 60);
    }
}
