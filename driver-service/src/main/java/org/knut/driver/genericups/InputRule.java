package org.knut.driver.genericups;

/**
 * When a status holds: the {@code lines} masked from the inputs equal {@code value}
 * ({@code value == lines}: the lines are asserted; 0: they are not).
 */
record InputRule(int lines, int value) {
    static final InputRule NONE = new InputRule(0, 0);

    boolean matches(int inputs) {
        return (inputs & lines) == value;
    }

    /** For the optional statuses: a rule without lines never holds. */
    boolean holds(int inputs) {
        return lines != 0 && matches(inputs);
    }
}
