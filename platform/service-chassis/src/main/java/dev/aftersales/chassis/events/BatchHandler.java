package dev.aftersales.chassis.events;

import java.util.List;

/**
 * Handles consecutive events of one type from one poll together, where one look-up or write for
 * many saves what each would cost alone (a storm of requests on one hot stock line). It must leave
 * the same outcome as handling each in order with the type's {@link EventHandler}: when it throws,
 * the chassis handles each of the events with that handler, which finds what the batch did (both
 * are idempotent). Runs in the trace of the batch's first event.
 */
@FunctionalInterface
public interface BatchHandler<T> {

    void handle(List<ReceivedEvent<T>> events);
}
