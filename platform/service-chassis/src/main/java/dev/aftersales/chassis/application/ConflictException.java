package dev.aftersales.chassis.application;

/**
 * A step the record's current state does not allow (the web adapter answers 409): the request was
 * well formed, but the case, assignment or stock line is not where this step can happen.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String why) {
        super(why);
    }
}
