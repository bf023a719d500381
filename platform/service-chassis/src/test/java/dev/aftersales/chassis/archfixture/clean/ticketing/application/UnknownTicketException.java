package dev.aftersales.chassis.archfixture.clean.ticketing.application;

public class UnknownTicketException extends RuntimeException {
    UnknownTicketException(String id) {
        super("no ticket " + id);
    }
}
