package dev.aftersales.chassis.archfixture.clean.ticketing.adapter.web;

import dev.aftersales.chassis.archfixture.clean.ticketing.application.ShowTicket;

public class TicketController {
    private final ShowTicket showTicket;

    TicketController(ShowTicket showTicket) {
        this.showTicket = showTicket;
    }

    Object show(String id) {
        return showTicket.show(id);
    }
}
