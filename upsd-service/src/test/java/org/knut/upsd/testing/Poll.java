package org.knut.upsd.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.knut.core.testing.Await;

/** {@link Await} for a value rather than a condition, so that a failure says what was seen last. */
public final class Poll {
    private Poll() {
    }

    /** Polls {@code value} until {@code expected} comes; the last value seen is in the failure message. */
    public static <T> void untilEquals(String what, Duration timeout, T expected, Supplier<T> value) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Await.until(what, timeout, () -> {
                last.set(value.get());
                return expected.equals(last.get());
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": expected <" + expected + "> but last saw <" + last.get() + ">", e);
        }
    }
}
