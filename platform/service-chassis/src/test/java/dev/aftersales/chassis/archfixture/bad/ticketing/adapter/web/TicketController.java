package dev.aftersales.chassis.archfixture.bad.ticketing.adapter.web;

import dev.aftersales.chassis.archfixture.bad.ticketing.domain.Tickets;

/** Skips the application layer: reads the store port itself. */
public class TicketController {
    private final Tickets tickets;

    TicketController(Tickets tickets) {
        this.tickets = tickets;
    }

    String show(String id) {
        return tickets.find(id);
    }
}
