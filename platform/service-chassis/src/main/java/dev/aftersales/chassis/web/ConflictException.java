package dev.aftersales.chassis.web;

/** Answers 409: the request is well formed but the resource's current state does not allow it. */
public class ConflictException extends RuntimeException {

    public ConflictException(String why) {
        super(why);
    }
}
