package dev.aftersales.chassis.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's audit trail: one document per audited act in the collection {@value #COLLECTION},
 * only ever inserted (no code updates or deletes one), read by OPS and SUPERVISOR through {@code GET
 * /admin/audit}. Acts that change an aggregate put their entry in the aggregate's outbox ({@code
 * AggregateEvents.audit}), so the act and its entry are one document write; the outbox relay copies
 * it here under the entry's id, so a copy repeated after a crash is one entry. Acts that change no
 * document of the service (reading personal data, replaying dead letters) are appended directly
 * through the {@link Audit} port.
 */
public class AuditTrail implements Audit {

    public static final String COLLECTION = "audit_trail";

    private final MongoTemplate mongo;
    private final LoggedAudit logged;

    public AuditTrail(MongoTemplate mongo, LoggedAudit logged) {
        this.mongo = mongo;
        this.logged = logged;
    }

    @Override
    public void record(AuditEntry entry) {
        append(UUID.randomUUID().toString(), entry);
    }

    /**
     * The indexes {@link #list} needs on MongoDB proper (the embedded store ignores non-unique ones):
     * the trail only grows, and every listing is the newest first, of one action and/or subject or of all.
     */
    public void declareIndexes() {
        var trail = mongo.getCollection(COLLECTION);
        // the newest entries of all, within times
        trail.createIndex(Indexes.descending("at"), new IndexOptions().name("at"));
        // the newest entries of one action (e.g. every dead-letter replay)
        trail.createIndex(
                Indexes.compoundIndex(Indexes.ascending("action"), Indexes.descending("at")),
                new IndexOptions().name("action_at"));
        // the newest entries about one subject (a case, a technician)
        trail.createIndex(
                Indexes.compoundIndex(Indexes.ascending("subject"), Indexes.descending("at")),
                new IndexOptions().name("subject_at"));
        // the newest entries of one action about one subject
        trail.createIndex(
                Indexes.compoundIndex(Indexes.ascending("subject", "action"), Indexes.descending("at")),
                new IndexOptions().name("subject_action_at"));
    }

    /** Appends {@code entry} under {@code id}; false when an entry with that id is there already. */
    public boolean append(String id, AuditEntry entry) {
        var document = new Document("_id", id)
                .append("action", entry.action())
                .append("actor", entry.actor())
                .append("subject", entry.subject())
                .append("details", new Document(new LinkedHashMap<String, Object>(entry.details())))
                .append("at", Date.from(entry.at()));
        try {
            mongo.getCollection(COLLECTION).insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        logged.record(entry);
        return true;
    }

    /** One entry as the audit view shows it. */
    public record Listed(
            String id, String action, String actor, String subject, Map<String, String> details, Instant at) {}

    /** The newest entries first, at most {@code limit}, optionally of one action or subject and within times. */
    public List<Listed> list(String action, String subject, Instant since, Instant until, int limit) {
        var filters = new ArrayList<Bson>();
        if (action != null) {
            filters.add(Filters.eq("action", action));
        }
        if (subject != null) {
            filters.add(Filters.eq("subject", subject));
        }
        if (since != null) {
            filters.add(Filters.gte("at", Date.from(since)));
        }
        if (until != null) {
            filters.add(Filters.lt("at", Date.from(until)));
        }
        var listed = new ArrayList<Listed>();
        mongo.getCollection(COLLECTION)
                .find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("at"))
                .limit(limit)
                .forEach(d -> {
                    var details = new LinkedHashMap<String, String>();
                    var stored = d.get("details", Document.class);
                    if (stored != null) {
                        stored.forEach((k, v) -> details.put(k, String.valueOf(v)));
                    }
                    listed.add(new Listed(
                            d.getString("_id"),
                            d.getString("action"),
                            d.getString("actor"),
                            d.getString("subject"),
                            details,
                            d.getDate("at").toInstant()));
                });
        return listed;
    }
}
