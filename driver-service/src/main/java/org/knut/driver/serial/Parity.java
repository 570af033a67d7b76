package org.knut.driver.serial;

/** Serial parity, as termios offers it. */
public enum Parity {
    NONE, ODD, EVEN, MARK, SPACE
}
