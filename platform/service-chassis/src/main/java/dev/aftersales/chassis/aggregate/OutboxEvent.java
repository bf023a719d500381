package dev.aftersales.chassis.aggregate;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. Everything the relay needs to
 * build the record is here, so publishing never has to look at the aggregate again.
 *
 * @param eventId the CloudEvents {@code ce_id}, fixed when the event is raised so a re-publish
 *     after a crash carries the same id and consumers drop it
 * @param time business time, the {@code ce_time}
 * @param savedAt wall time when it was raised, for the relay's sweep grace and delay; entries saved
 *     before it existed have none and count from {@code time}
 */
public record OutboxEvent(
        String eventId,
        String type,
        String topic,
        String key,
        String payload,
        Instant time,
        String traceparent,
        Instant savedAt) {

    public OutboxEvent(
            String eventId, String type, String topic, String key, String payload, Instant time, String traceparent) {
        this(eventId, type, topic, key, payload, time, traceparent, time);
    }

    /** The wall time the relay measures grace and delay from. */
    public Instant wallTime() {
        return savedAt == null ? time : savedAt;
    }

    /** The "topic" of an audit entry: the relay copies it to the service's audit trail, never to Kafka. */
    public static final String AUDIT_TRAIL = "audit-trail";

    /** The type of an audit entry in an outbox. */
    public static final String AUDIT_ENTRY = "aftersales.audit.Entry.v1";

    public boolean isAuditEntry() {
        return AUDIT_TRAIL.equals(topic);
    }
}
