package dev.aftersales.chassis.archfixture.bad.ticketing.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;

/** A Kafka door outside {@code adapter/kafka}. */
public class TicketSubscriptions {
    EventSubscriptions subscriptions() {
        return EventSubscriptions.builder().build();
    }
}
