package dev.aftersales.chassis.archfixture.bad.ticketing.adapter.mongo;

import dev.aftersales.chassis.archfixture.bad.ticketing.domain.Tickets;

public class MongoTickets implements Tickets {
    @Override
    public String find(String id) {
        return id;
    }
}
