package dev.aftersales.chassis.archfixture.clean.ticketing.application;

import dev.aftersales.chassis.archfixture.clean.ticketing.domain.Ticket;
import dev.aftersales.chassis.archfixture.clean.ticketing.domain.Tickets;
import dev.aftersales.chassis.retry.ConflictRetry;

public class ShowTicket {
    private static final ConflictRetry RETRY = ConflictRetry.upTo(3);
    private final Tickets tickets;

    ShowTicket(Tickets tickets) {
        this.tickets = tickets;
    }

    public Ticket show(String id) {
        var ticket = RETRY.run(() -> tickets.find(id));
        if (ticket == null) {
            throw new UnknownTicketException(id);
        }
        return ticket;
    }
}
