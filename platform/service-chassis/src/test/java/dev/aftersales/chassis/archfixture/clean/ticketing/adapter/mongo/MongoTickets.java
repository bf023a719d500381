package dev.aftersales.chassis.archfixture.clean.ticketing.adapter.mongo;

import dev.aftersales.chassis.archfixture.clean.ticketing.domain.Ticket;
import dev.aftersales.chassis.archfixture.clean.ticketing.domain.Tickets;

class MongoTickets implements Tickets {
    @Override
    public Ticket find(String id) {
        return new Ticket();
    }
}
