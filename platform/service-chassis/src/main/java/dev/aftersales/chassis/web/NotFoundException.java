package dev.aftersales.chassis.web;

/**
 * Answers 404. Also what a user gets for a record that exists but is not theirs, so that ids of
 * other people's work cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
