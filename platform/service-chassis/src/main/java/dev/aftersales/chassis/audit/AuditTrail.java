package dev.aftersales.chassis.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.aftersales.chassis.paging.Keyset;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.paging.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The service's audit trail: one document per audited act in the collection {@value #COLLECTION},
 * only ever inserted (no code updates or deletes one), read by OPS and SUPERVISOR through {@code GET
 * /admin/audit} (newest first, a page at a time) and {@code GET /admin/audit/export.csv}. Acts that change an aggregate put their entry in the aggregate's outbox ({@code
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
        // Pages continue after (at, _id) (Keyset), so every index ends in both. The equality fields a
        // listing combines: none, action, actor, subject, and the pairs a reader narrows to.
        for (var equality : List.of(
                List.<String>of(),
                List.of("action"),
                List.of("actor"),
                List.of("subject"),
                List.of("subject", "action"),
                List.of("actor", "action"))) {
            var keys = new ArrayList<Bson>();
            equality.forEach(field -> keys.add(Indexes.ascending(field)));
            keys.add(Indexes.descending("at", "_id"));
            var name = new StringBuilder();
            equality.forEach(field -> name.append(field).append('_'));
            trail.createIndex(Indexes.compoundIndex(keys), new IndexOptions().name(name + "at_id"));
        }
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
            String id, String action, String actor, String subject, Map<String, String> details, Instant at) {

        /** The columns of the trail's CSV export, in {@link #cells} order. */
        public static final List<String> COLUMNS = List.of("at", "action", "actor", "subject", "details", "id");

        public Position position() {
            return new Position(at, id);
        }

        public List<Object> cells() {
            var facts = new StringBuilder();
            details.forEach((name, value) -> facts.append(facts.isEmpty() ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            return List.of(at, action, actor, subject, facts.toString(), id);
        }
    }

    /**
     * Which entries a reader means: of one action, by one actor, about one subject, in {@code [since,
     * until)}; each part optional.
     */
    public record Filter(String action, String actor, String subject, Instant since, Instant until) {

        /** As a page cursor is sealed to it and an export is audited with it: ids and times only. */
        public Map<String, String> asMap() {
            var map = new LinkedHashMap<String, String>();
            put(map, "action", action);
            put(map, "actor", actor);
            put(map, "subject", subject);
            put(map, "since", since);
            put(map, "until", until);
            return map;
        }

        private static void put(Map<String, String> map, String name, Object value) {
            if (value != null) {
                map.put(name, value.toString());
            }
        }
    }

    /** One page of the entries {@code filter} means, newest first: up to {@code limit + 1} ({@link Keyset}). */
    public List<Listed> page(Filter filter, PageRequest request) {
        var criteria = new Criteria();
        if (filter.action() != null) {
            criteria.and("action").is(filter.action());
        }
        if (filter.actor() != null) {
            criteria.and("actor").is(filter.actor());
        }
        if (filter.subject() != null) {
            criteria.and("subject").is(filter.subject());
        }
        if (filter.since() != null || filter.until() != null) {
            var at = criteria.and("at");
            if (filter.since() != null) {
                at.gte(Date.from(filter.since()));
            }
            if (filter.until() != null) {
                at.lt(Date.from(filter.until()));
            }
        }
        return mongo
                .find(Keyset.query(criteria, "at", Sort.Direction.DESC, request), Document.class, COLLECTION)
                .stream()
                .map(AuditTrail::listed)
                .toList();
    }

    /** The newest entries first, at most {@code limit}, optionally of one action or subject and within times. */
    public List<Listed> list(String action, String subject, Instant since, Instant until, int limit) {
        var rows = page(new Filter(action, null, subject, since, until), PageRequest.first(limit));
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    private static Listed listed(Document d) {
        var details = new LinkedHashMap<String, String>();
        var stored = d.get("details", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> details.put(k, String.valueOf(v)));
        }
        return new Listed(
                d.getString("_id"),
                d.getString("action"),
                d.getString("actor"),
                d.getString("subject"),
                details,
                d.getDate("at").toInstant());
    }
}
