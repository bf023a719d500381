package dev.aftersales.chassis.outbox;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.audit.AuditEntry;
import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.trace.TraceContext;
import dev.aftersales.contracts.EventCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code outbox} field of an aggregate document: the events waiting for the broker, serialised,
 * and the ids of handled events. Store adapters map an aggregate's {@link AggregateEvents} to and
 * from it, so saving the document saves the events in the same single-document write.
 */
public record Outbox(List<OutboxEvent> pending, List<String> handled) {

    /**
     * The largest serialized event this service raises; set once at start from {@code
     * aftersales.events.max-size}. Static because documents are mapped where nothing can be injected.
     */
    private static volatile long maxEventBytes = 256 * 1024;

    public Outbox {
        pending = pending == null ? List.of() : List.copyOf(pending);
        handled = handled == null ? List.of() : List.copyOf(handled);
    }

    /**
     * Serialises the events raised since the aggregate was read behind those stored before. Runs in
     * the thread that saves, before the write, so a raised event joins the trace of the work that
     * raised it and an oversized one is refused with nothing saved.
     *
     * @throws EventTooLargeException when an event's JSON is above {@code aftersales.events.max-size}
     */
    public static Outbox of(AggregateEvents events) {
        var raised = events.raised();
        if (raised.isEmpty()) {
            return new Outbox(events.stored(), events.handled());
        }
        var pending = new ArrayList<OutboxEvent>(events.stored().size() + raised.size());
        pending.addAll(events.stored());
        for (var event : raised) {
            if (event.payload() instanceof AuditEntry audit) {
                pending.add(new OutboxEvent(
                        event.eventId(),
                        OutboxEvent.AUDIT_ENTRY,
                        OutboxEvent.AUDIT_TRAIL,
                        audit.subject(),
                        EventJson.write(audit),
                        event.raisedAt(),
                        TraceContext.nextChild(),
                        event.raisedAtWall()));
                continue;
            }
            var entry = EventCatalog.ofPayload(event.payload().getClass());
            var payload = EventJson.write(event.payload());
            requireWithinLimit(entry.type(), payload);
            pending.add(new OutboxEvent(
                    event.eventId(),
                    entry.type(),
                    entry.topic(),
                    event.key(),
                    payload,
                    event.raisedAt(),
                    TraceContext.nextChild(),
                    event.raisedAtWall()));
        }
        return new Outbox(pending, events.handled());
    }

    /** The aggregate's side of a stored outbox; a document written before it had one gives an empty one. */
    public static AggregateEvents eventsOf(Outbox stored) {
        return stored == null ? new AggregateEvents() : AggregateEvents.restore(stored.pending(), stored.handled());
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    private static void requireWithinLimit(String type, String payload) {
        var limit = maxEventBytes;
        // A char is at most 3 UTF-8 bytes (a surrogate pair, 2 chars, is 4): count only when it may matter.
        if ((long) payload.length() * 3 > limit) {
            var size = payload.getBytes(StandardCharsets.UTF_8).length;
            if (size > limit) {
                throw new EventTooLargeException(type, size, limit);
            }
        }
    }

    static void limitEventSize(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("aftersales.events.max-size must be positive");
        }
        maxEventBytes = bytes;
    }
}
