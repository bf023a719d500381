package dev.aftersales.chassis.archfixture.clean.ticketing.domain;

public interface Tickets {
    Ticket find(String id);
}
