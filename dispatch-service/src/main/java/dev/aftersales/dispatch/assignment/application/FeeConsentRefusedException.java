package dev.aftersales.dispatch.assignment.application;

import java.time.Duration;

/**
 * A consent code step the app must act on: ask for a new code, wait, or type again. Carries what the
 * app needs (tries left, when to ask again), never the code.
 */
public class FeeConsentRefusedException extends RuntimeException {

    /** Why; each has its own problem type, so the app can tell them apart. */
    public enum Reason {
        /** A wrong code; {@link #triesLeft()} more tries. */
        WRONG_CODE,
        /** The last try was wrong, or was used before: a new code is needed. */
        CODE_SPENT,
        /** The code's time is up: a new code is needed. */
        CODE_EXPIRED,
        /** No code is open for this assignment. */
        CODE_NOT_REQUESTED,
        /** Too many codes for this case within the hour; {@link #retryAfter()}. */
        TOO_MANY_CODES,
        /** The gateway's topic did not take the message; the code was withdrawn, ask again. */
        CODE_NOT_SENT
    }

    private final Reason reason;
    private final int triesLeft;
    private final Duration retryAfter;

    FeeConsentRefusedException(Reason reason, String why, int triesLeft, Duration retryAfter) {
        super(why);
        this.reason = reason;
        this.triesLeft = triesLeft;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public int triesLeft() {
        return triesLeft;
    }

    /** Null unless the caller should wait. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
