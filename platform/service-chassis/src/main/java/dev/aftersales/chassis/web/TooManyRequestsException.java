package dev.aftersales.chassis.web;

import java.time.Duration;

/** The caller asked too often; answered 429 with {@code Retry-After} (whole seconds, at least 1). */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter, String message) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
