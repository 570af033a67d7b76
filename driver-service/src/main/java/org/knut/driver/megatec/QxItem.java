package org.knut.driver.megatec;

import java.util.Set;

import org.knut.core.text.CNumbers;

/**
 * One row of a nutdrv_qx subdriver table: a variable read from fixed columns of the answer to a query.
 * The columns count from the answer's first character (its leader), the CR included in the length.
 *
 * @param var the NUT variable ({@code ups.status}/{@code ups.alarm} rows add to those instead)
 * @param command the query, without its CR
 * @param answerLength the shortest acceptable answer, CR included
 * @param leading the answer's first character, or 0 for any
 * @param from first column of the value
 * @param to last column of the value, or 0 for "up to the CR"
 * @param format {@code %s} for text, else a {@code %.<n>f} the value is printed with
 * @param flags when the row is read and how its text is cleaned
 * @param process what turns the raw text into the published value
 */
record QxItem(String var, String command, int answerLength, char leading, int from, int to, String format, Set<Flag> flags,
        Process process) {

    /** When a row is read (nutdrv_qx's QX_FLAG_*). */
    enum Flag {
        /** Read once, at start. */
        STATIC,
        /** Read at start, and by full polls only after a command or a SET changed something. */
        SEMI_STATIC,
        /** Read by the quick polls between full ones; a failure here fails the poll. */
        QUICK_POLL,
        /** Leading and trailing '#' and ' ' are removed. */
        TRIM
    }

    /** How the raw text becomes a value. */
    enum Process {
        /** Text as it is, or a number printed with the format. */
        PLAIN,
        /** One of the eight Megatec status bits, by its column (38..45). */
        STATUS_BIT,
        /** The Voltronic-QS protocol letter: only 'V' is accepted. */
        VOLTRONIC_QS_PROTOCOL,
        /** The Voltronic {@code PInn} protocol number: only the ones NUT's voltronic subdriver knows. */
        VOLTRONIC_PROTOCOL,
        /** Mecer's protocol answer: only {@code PI98}, published as the protocol's name. */
        VOLTRONIC_P98_PROTOCOL,
        /** One field of the Voltronic QGS status bits, by its column (63..72). */
        VOLTRONIC_STATUS,
        /** The Voltronic-QS-Hex protocol letter: 'P', or 'T' for units with ratings bits and a quick test. */
        VOLTRONIC_QS_HEX_PROTOCOL,
        /** From here on, rows of the QS-Hex answer ({@link QsHex}): a voltage from its field pair. */
        HEX_VOLTAGE(true),
        /** The output frequency from its field pair. */
        HEX_FREQUENCY(true),
        /** The battery voltage from its field pair. */
        HEX_BATTERY_VOLTAGE(true),
        /** The load byte. */
        HEX_LOAD(true),
        /** One of the eight status bits, as {@link #STATUS_BIT}. */
        HEX_STATUS_BIT(true),
        /** A nominal value from the ratings bits (T protocol only). */
        HEX_RATING(true);

        private final boolean hexAnswer;

        Process() {
            this(false);
        }

        Process(boolean hexAnswer) {
            this.hexAnswer = hexAnswer;
        }

        /** Whether the row cuts the QS-Hex answer after {@link QsHex#refine}. */
        boolean hexAnswer() {
            return hexAnswer;
        }
    }

    boolean has(Flag f) {
        return flags.contains(f);
    }

    /** The row's text in an answer (qx_process_answer). */
    String cut(String answer) throws BadReply {
        if (answer.length() < answerLength) {
            throw new BadReply("short reply (" + var + ")");
        }
        if (leading != 0 && (answer.isEmpty() || answer.charAt(0) != leading)) {
            throw new BadReply(String.format("%s - invalid start character [%02x], expected [%02x]", var,
                    answer.isEmpty() ? 0 : (int) answer.charAt(0), (int) leading));
        }
        return columns(answer, from, to);
    }

    /** Columns {@code from..to} of an answer ({@code to} 0: up to the CR), as far as the answer goes. */
    static String columns(String answer, int from, int to) {
        int cr = answer.indexOf('\r');
        int end = Math.min(answer.length(), to != 0 ? to + 1 : cr < 0 ? answer.length() : cr);
        return from >= end ? "" : answer.substring(from, end);
    }

    /** A plain row's published value (ups_infoval_set without a preprocess function). */
    String plainValue(String raw) throws BadReply {
        String value = has(Flag.TRIM) ? raw.replaceAll("^[# ]+|[# ]+$", "") : raw;
        if (!format.equals("%s")) {
            if (!value.chars().allMatch(c -> c == ' ' || c == '.' || (c >= '0' && c <= '9'))) {
                throw new BadReply("non numerical value [" + var + ": " + value + "]");
            }
            value = CNumbers.fixed(CNumbers.strtod(value), Integer.parseInt(format.substring(2, format.length() - 1)));
        }
        if (value.isEmpty()) {
            throw new BadReply("non significant value [" + var + "]");
        }
        return value;
    }
}
