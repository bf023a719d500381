package dev.aftersales.chassis.archfixture.clean.ticketing.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;

public class Ticket {
    final AggregateEvents events = new AggregateEvents();
}
