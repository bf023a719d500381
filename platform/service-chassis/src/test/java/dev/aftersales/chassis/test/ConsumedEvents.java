package dev.aftersales.chassis.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.EventConsumers;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;

/**
 * Holds a running service to its rows of the consumers table ({@link EventConsumers}): it handles
 * exactly the types its rows say HANDLED, and every type on a topic it reads has a row, so no event
 * of a normal day reaches it undeclared (and is dead-lettered or silently skipped).
 */
public final class ConsumedEvents {

    private ConsumedEvents() {}

    public static void match(String service, ApplicationContext context) {
        var subscriptions = EventSubscriptions.merge(context.getBeanProvider(EventSubscriptions.class)
                .orderedStream()
                .toList());
        assertThat(subscriptions.types())
                .as("types %s's subscriptions handle = its HANDLED rows of consumers.csv", service)
                .containsExactlyInAnyOrderElementsOf(EventConsumers.handledBy(service));
        var undeclared = new TreeSet<String>();
        for (var event : EventCatalog.values()) {
            if (subscriptions.topics().contains(event.topic())
                    && EventConsumers.use(event, service).isEmpty()) {
                undeclared.add(event.payloadType().getSimpleName());
            }
        }
        assertThat(undeclared)
                .as("event types on topics %s reads without a row in consumers.csv (HANDLED or IGNORED)", service)
                .isEmpty();
    }
}
