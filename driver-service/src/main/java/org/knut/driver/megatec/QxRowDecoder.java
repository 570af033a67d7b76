package org.knut.driver.megatec;

import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.driver.spi.DriverState;
import org.knut.core.text.CNumbers;

/** What a nutdrv_qx row's text becomes: a variable's value, or a flag or alarm of the status register. */
final class QxRowDecoder {
    private static final Logger LOG = Logger.getLogger(QxRowDecoder.class);
    /** The Voltronic protocol numbers NUT 2.8.0 accepts. */
    private static final Set<Long> VOLTRONIC_PROTOCOLS = Set.of(0L, 1L, 2L, 3L, 8L, 9L, 10L, 13L, 14L, 31L, 99L);

    private final QxStatus status;

    QxRowDecoder(QxStatus status) {
        this.status = status;
    }

    /** ups_infoval_set: a status row sets a flag or an alarm, any other row its variable. */
    void publish(QxItem item, String raw, DriverState state) throws BadReply {
        switch (item.process()) {
            case PLAIN -> state.setInfo(item.var(), item.plainValue(raw));
            case VOLTRONIC_QS_PROTOCOL -> {
                if (!raw.equalsIgnoreCase("V")) {
                    throw new BadReply("invalid protocol [" + raw + "]");
                }
                state.setInfo(item.var(), String.format(item.format(), raw));
            }
            case VOLTRONIC_PROTOCOL -> state.setInfo(item.var(), voltronicProtocol(raw));
            case VOLTRONIC_P98_PROTOCOL -> {
                if (!raw.equalsIgnoreCase("PI98")) {
                    LOG.errorf("Protocol [%s] is not supported by this driver", raw);
                    throw new BadReply("unsupported protocol " + raw);
                }
                state.setInfo(item.var(), String.format(item.format(), QxSubdrivers.P98));
            }
            case VOLTRONIC_QS_HEX_PROTOCOL -> {
                if (raw.isEmpty() || "PpTt".indexOf(raw.charAt(0)) < 0) {
                    throw new BadReply("invalid protocol [" + raw + "]");
                }
                state.setInfo(item.var(), String.format(item.format(), raw));
            }
            case HEX_VOLTAGE -> state.setInfo(item.var(), QsHex.voltage(raw, item.var()));
            case HEX_FREQUENCY -> state.setInfo(item.var(), QsHex.frequency(raw, item.var()));
            case HEX_BATTERY_VOLTAGE -> state.setInfo(item.var(), QsHex.batteryVoltage(raw, item.var()));
            case HEX_LOAD -> state.setInfo(item.var(), QsHex.load(raw, item.var()));
            case HEX_RATING -> state.setInfo(item.var(), QsHex.rating(item.from(), raw, item.var()));
            case STATUS_BIT, HEX_STATUS_BIT -> {
                if (raw.length() != 1) {
                    throw new BadReply("unexpected status value [" + raw + "]");
                }
                applyStatus(item, QxStatus.bit(item.from(), raw.charAt(0), state), state);
            }
            case VOLTRONIC_STATUS -> applyStatus(item, QxStatus.voltronicBit(item.from(), raw, item.var(), state), state);
        }
    }

    private void applyStatus(QxItem item, String value, DriverState state) {
        switch (item.var()) {
            case "ups.status" -> {
                if (!value.isEmpty()) {
                    status.update(value);
                } else {
                    status.voltageModeOff();
                }
            }
            case "ups.alarm" -> {
                if (!value.isEmpty()) {
                    status.alarm(value);
                }
            }
            default -> state.setInfo(item.var(), value);
        }
    }

    /** {@code PInn}: only the protocols NUT's voltronic subdriver knows, published as {@code Pnn}. */
    private static String voltronicProtocol(String raw) throws BadReply {
        if (raw.length() < 2 || !raw.substring(0, 2).equalsIgnoreCase("PI")) {
            throw new BadReply("invalid start characters [" + raw + "]");
        }
        String digits = raw.substring(2);
        long protocol = digits.chars().allMatch(c -> "0123489".indexOf(c) >= 0) ? CNumbers.strtol(digits) : -1;
        if (!VOLTRONIC_PROTOCOLS.contains(protocol)) {
            LOG.errorf("Protocol [%s] is not supported by this driver", raw);
            throw new BadReply("unsupported protocol " + raw);
        }
        return String.format("P%02d", protocol);
    }
}
