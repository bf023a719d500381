package dev.aftersales.chassis.outbox;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.trace.TraceContext;
import dev.aftersales.contracts.EventCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code outbox} field of an aggregate document: the events waiting for the broker, serialised,
 * and the ids of handled events. Store adapters map an aggregate's {@link AggregateEvents} to and
 * from it, so saving the document saves the events in the same single-document write.
 */
public record Outbox(List<OutboxEvent> pending, List<String> handled) {

    public Outbox {
        pending = pending == null ? List.of() : List.copyOf(pending);
        handled = handled == null ? List.of() : List.copyOf(handled);
    }

    /**
     * Serialises the events raised since the aggregate was read behind those stored before. Runs in
     * the thread that saves, so a raised event joins the trace of the work that raised it.
     */
    public static Outbox of(AggregateEvents events) {
        var raised = events.raised();
        if (raised.isEmpty()) {
            return new Outbox(events.stored(), events.handled());
        }
        var pending = new ArrayList<OutboxEvent>(events.stored().size() + raised.size());
        pending.addAll(events.stored());
        for (var event : raised) {
            var entry = EventCatalog.ofPayload(event.payload().getClass());
            pending.add(new OutboxEvent(
                    event.eventId(),
                    entry.type(),
                    entry.topic(),
                    event.key(),
                    EventJson.write(event.payload()),
                    event.raisedAt(),
                    TraceContext.nextChild()));
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
}
