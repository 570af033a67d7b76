package org.knut.driver.megatec;

/** An answer that does not have the shape the protocol defines; the message says what is wrong. */
final class BadReply extends Exception {
    BadReply(String message) {
        super(message);
    }
}
