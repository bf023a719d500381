package dev.aftersales.chassis.application;

/**
 * The record does not exist, or the caller may not know that it does (the web adapter answers 404
 * for both, so ids of other people's work cannot be probed).
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
