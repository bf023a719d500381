package dev.aftersales.chassis.archfixture.clean.ticketing.application;

import dev.aftersales.chassis.archfixture.clean.ticketing.domain.Ticket;
import dev.aftersales.chassis.archfixture.clean.ticketing.domain.Tickets;
import dev.aftersales.chassis.retry.ConflictRetry;
import java.time.Clock;
import java.time.Instant;

public class ShowTicket {
    private static final ConflictRetry RETRY = ConflictRetry.upTo(3);
    private final Tickets tickets;
    private final Clock clock;

    ShowTicket(Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Business time from the injected clock. */
    public Instant shownAt() {
        return clock.instant();
    }

    public Ticket show(String id) {
        var ticket = RETRY.run(() -> tickets.find(id));
        if (ticket == null) {
            throw new UnknownTicketException(id);
        }
        return ticket;
    }
}
