package dev.aftersales.chassis.web;

/** A request body above the configured limit; answered 413 before anything is parsed or stored. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
