package dev.aftersales.dispatch.assignment.domain;

/** What became of a code the technician typed in for the customer's consent. */
public enum ConsentCodeCheck {
    /** The right code in time: the consent is recorded. */
    CONFIRMED,
    /** A wrong code; tries are left. */
    WRONG,
    /** A wrong code was the last try, or the challenge was spent before: a new code is needed. */
    SPENT,
    /** The code's time is up: a new code is needed. */
    EXPIRED,
    /** No code was asked for (or it was withdrawn). */
    NOT_REQUESTED
}
