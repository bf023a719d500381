package dev.aftersales.chassis.events;

import java.time.Instant;

/**
 * An event as a handler sees it: the validated payload and its CloudEvents attributes.
 *
 * @param id the {@code ce_id}; handlers pass it to {@code Outbox.firstDelivery} to stay idempotent
 */
public record ReceivedEvent<T>(String id, String type, String source, String subject, Instant time, T payload) {}
