package dev.aftersales.followup.returncall.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How often an unanswered return call is tried again: {@code tries} tries spread evenly over
 * {@code window} (default 3 tries over 2 days: now, +1 day, +2 days), each within calling hours
 * when the policy has them.
 */
public record RetryPolicy(int tries, Duration window, CallingHours callingHours) {

    /** A policy that tries at any hour. */
    public RetryPolicy(int tries, Duration window) {
        this(tries, window, null);
    }

    public RetryPolicy {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1");
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative");
        }
    }

    /** When to try again after a try at {@code now}: one interval on, moved into calling hours when it falls outside. */
    public Instant nextTry(Instant now) {
        var next = now.plus(interval());
        return callingHours == null ? next : callingHours.earliestFrom(next);
    }

    /** The pause between two unanswered tries. */
    public Duration interval() {
        return tries == 1 ? Duration.ZERO : window.dividedBy(tries - 1);
    }
}
