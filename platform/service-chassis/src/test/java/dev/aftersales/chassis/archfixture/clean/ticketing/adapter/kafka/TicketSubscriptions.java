package dev.aftersales.chassis.archfixture.clean.ticketing.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;

class TicketSubscriptions {
    EventSubscriptions subscriptions() {
        return EventSubscriptions.builder().build();
    }
}
