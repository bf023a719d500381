package dev.aftersales.dispatch.assignment.domain;

/** The fee charged is above the quote and no recorded customer consent covers it. */
public class ChargeNotConsentedException extends RuntimeException {

    ChargeNotConsentedException(String why) {
        super(why);
    }
}
