package dev.aftersales.chassis.events;

/**
 * Handles one event type. Must be idempotent (a redelivered event changes nothing) and may throw:
 * a {@link PoisonEventException} sends the record to the dead-letter topic at once, anything else
 * is retried with back-off first.
 */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(ReceivedEvent<T> event);
}
