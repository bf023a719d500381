package dev.aftersales.chassis.archfixture.bad.ticketing.domain;

import dev.aftersales.chassis.archfixture.bad.ticketing.adapter.mongo.MongoTickets;
import dev.aftersales.chassis.outbox.Outbox;
import java.util.List;

/** Holds the chassis' serialising outbox and reaches into its own store adapter. */
public class LeakyTicket {
    Outbox outbox = new Outbox(List.of(), List.of());

    Object store() {
        return new MongoTickets();
    }
}
