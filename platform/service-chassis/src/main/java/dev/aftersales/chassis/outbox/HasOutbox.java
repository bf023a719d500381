package dev.aftersales.chassis.outbox;

/**
 * An aggregate stored as one document that carries its own {@link Outbox}. After every save the
 * chassis hands its pending events to the relay; a sweep picks up any left behind by a crash.
 * The document must keep the outbox in a field named {@code outbox}.
 */
public interface HasOutbox {

    String id();

    Outbox outbox();
}
