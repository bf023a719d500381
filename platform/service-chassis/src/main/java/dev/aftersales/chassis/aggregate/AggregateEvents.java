package dev.aftersales.chassis.aggregate;

import dev.aftersales.chassis.audit.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an aggregate keeps about events beside its state: the events it raised that the broker has
 * not acknowledged yet, and the ids of the events it has already handled. Plain data, so the domain
 * stays free of I/O: the store adapter serialises it into the document's {@code outbox} field, which
 * makes a state change and the events it causes one single-document write.
 */
public final class AggregateEvents {

    /** Enough for the whole life of a case; older ids cannot be redelivered once their offsets are committed. */
    static final int HANDLED_IDS_KEPT = 256;

    /**
     * An event raised since the aggregate was read, serialised by its next save.
     *
     * @param eventId the CloudEvents {@code ce_id}, fixed now so that every save and every
     *     re-publish of this event carries the same id and consumers drop duplicates
     * @param raisedAt business time: the event's {@code ce_time}
     * @param raisedAtWall wall time: what the outbox relay's grace and delay are measured from
     */
    public record Raised(String eventId, Record payload, String key, Instant raisedAt, Instant raisedAtWall) {

        public Raised(String eventId, Record payload, String key, Instant raisedAt) {
            this(eventId, payload, key, raisedAt, raisedAt);
        }
    }

    private final List<OutboxEvent> stored;
    private final List<Raised> raised = new ArrayList<>();
    private final List<String> handled;

    /** For a new aggregate: nothing raised, nothing handled. */
    public AggregateEvents() {
        this(List.of(), List.of());
    }

    private AggregateEvents(List<OutboxEvent> stored, List<String> handled) {
        this.stored = List.copyOf(stored);
        this.handled = new ArrayList<>(handled);
    }

    /** As read from the store: events saved earlier and not acknowledged yet, and the handled ids. */
    public static AggregateEvents restore(List<OutboxEvent> stored, List<String> handled) {
        return new AggregateEvents(stored == null ? List.of() : stored, handled == null ? List.of() : handled);
    }

    /** Raises {@code event}, keyed by {@code key} (the id whose order matters); it leaves with the next save. */
    public void raise(Record event, String key) {
        raise(event, key, UUID.randomUUID().toString());
    }

    /**
     * Raises an event of a fact that happens once to its aggregate (a machine recorded, a customer
     * recorded), under an id named by that fact: raised again because a store lost the write that
     * held it (a local store restored from its last snapshot), it is the same event, and consumers
     * drop it by its id.
     *
     * @param fact what names the fact uniquely, e.g. {@code "InstallationRecorded/" + serial}
     */
    public void raiseOnce(Record event, String key, String fact) {
        raise(
                event,
                key,
                UUID.nameUUIDFromBytes(fact.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
    }

    private void raise(Record event, String key, String eventId) {
        raised.add(new Raised(
                eventId,
                event,
                key,
                EventClocks.business().instant(),
                EventClocks.wall().instant()));
    }

    /**
     * Records an audited act on this aggregate (who corrected, counted, approved or consented to
     * what): it is saved with the aggregate's next save, in the same write, and copied to the
     * service's audit trail by the outbox relay. It is not published.
     *
     * @param action from a small fixed set, e.g. {@code archive.corrected}
     * @param details ids and counts only, never a name, phone number or address
     */
    public void audit(String action, String actor, String subject, Map<String, String> details, Instant at) {
        raised.add(new Raised(
                UUID.randomUUID().toString(),
                new AuditEntry(action, actor, subject, details, at),
                subject,
                at,
                EventClocks.wall().instant()));
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

    /** Events saved before and still waiting for the broker, exactly as the store wrote them. */
    public List<OutboxEvent> stored() {
        return stored;
    }

    /** Events raised since the aggregate was read, in the order they were raised. */
    public List<Raised> raised() {
        return List.copyOf(raised);
    }

    public List<String> handled() {
        return List.copyOf(handled);
    }

    public boolean hasPending() {
        return !stored.isEmpty() || !raised.isEmpty();
    }
}
