package dev.aftersales.followup.returncall.domain;

import java.time.Duration;

/**
 * How often an unanswered return call is tried again: {@code tries} tries spread evenly over
 * {@code window} (default 3 tries over 2 days: now, +1 day, +2 days).
 */
public record RetryPolicy(int tries, Duration window) {

    public RetryPolicy {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1");
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative");
        }
    }

    /** The pause between two unanswered tries. */
    public Duration interval() {
        return tries == 1 ? Duration.ZERO : window.dividedBy(tries - 1);
    }
}
