package dev.aftersales.dispatch.customer.domain;

/** A change to a customer who was erased or merged into another: the caller works on the surviving record. */
public final class CustomerGoneException extends RuntimeException {

    public CustomerGoneException(String customerId, String what) {
        super("customer " + customerId + " " + what);
    }
}
