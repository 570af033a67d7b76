package org.knut.upsd.config;

import java.time.Duration;

/**
 * Login failure throttling per client address ({@code knut.upsd.login-failures.*}): after
 * {@code maxFailures} failed authentications within {@code window}, every authentication from that
 * address is refused for {@code block}, right password or not. At most {@code maxAddresses} addresses are
 * remembered (the least recently failing one is forgotten first).
 *
 * @param maxFailures failures allowed per window; 0 turns throttling off
 */
public record LoginThrottling(int maxFailures, Duration window, Duration block, int maxAddresses) {
    /**
     * Generous: a upsmon with the right password never fails, and one with a wrong one fails once a poll
     * (12 times a minute at POLLFREQ 5), short of the limit, so it does not lock out the others on its
     * address; a password guesser gets about 30 tries in 6 minutes.
     */
    public static final LoginThrottling DEFAULT = new LoginThrottling(30, Duration.ofMinutes(1), Duration.ofMinutes(5),
            10_000);

    public boolean enabled() {
        return maxFailures > 0;
    }
}
