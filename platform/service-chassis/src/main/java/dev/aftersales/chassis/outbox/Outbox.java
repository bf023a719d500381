package dev.aftersales.chassis.outbox;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.trace.TraceContext;
import dev.aftersales.contracts.EventCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The part of an aggregate document that makes its events safe: events it raised but that are not
 * yet acknowledged by the broker, and the ids of events it has already handled. Saving the
 * aggregate saves both in the same single-document write as the state change, which is what lets
 * the platform work without multi-document transactions.
 */
public final class Outbox {

    /** Enough for the whole life of a case; older ids cannot be redelivered once their offsets are committed. */
    static final int HANDLED_IDS_KEPT = 256;

    /**
     * The largest serialized event this service raises; set once at start from {@code
     * aftersales.events.max-size}. Static because outboxes live inside documents that Spring Data
     * creates, where nothing can be injected.
     */
    private static volatile long maxEventBytes = 256 * 1024;

    private List<OutboxEvent> pending = new ArrayList<>();
    private List<String> handled = new ArrayList<>();

    /**
     * Raises {@code event} on its catalog topic, keyed by {@code key} (the id whose order matters).
     *
     * @throws EventTooLargeException when its JSON is above the bound; raise before saving, so the
     *     refusal leaves nothing behind
     */
    public void raise(Record event, String key) {
        var entry = EventCatalog.ofPayload(event.getClass());
        var payload = EventJson.write(event);
        var limit = maxEventBytes;
        // A char is at most 3 UTF-8 bytes (a surrogate pair, 2 chars, is 4): count only when it may matter.
        if ((long) payload.length() * 3 > limit) {
            var size = payload.getBytes(StandardCharsets.UTF_8).length;
            if (size > limit) {
                throw new EventTooLargeException(entry.type(), size, limit);
            }
        }
        pending.add(new OutboxEvent(
                UUID.randomUUID().toString(),
                entry.type(),
                entry.topic(),
                key,
                payload,
                Instant.now(),
                TraceContext.nextChild()));
    }

    static void limitEventSize(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("aftersales.events.max-size must be positive");
        }
        maxEventBytes = bytes;
    }

    /**
     * Records that the event {@code eventId} is being handled by this aggregate.
     *
     * @return false when it was handled before: the caller must change nothing
     */
    public boolean firstDelivery(String eventId) {
        if (handled.contains(eventId)) {
            return false;
        }
        handled.add(eventId);
        if (handled.size() > HANDLED_IDS_KEPT) {
            handled.remove(0);
        }
        return true;
    }

    public List<OutboxEvent> pending() {
        return List.copyOf(pending);
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }
}
