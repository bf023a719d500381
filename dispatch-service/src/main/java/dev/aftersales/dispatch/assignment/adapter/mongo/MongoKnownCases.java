package dev.aftersales.dispatch.assignment.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.dispatch.assignment.domain.KnownCase;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The cases dispatch has heard of, in {@code knownCases}: one document per complaint, inserted
 * once (the unique {@code _id} turns a redelivered registration into a no-op); only the priority
 * and the call count change afterwards, each by a single-field update.
 */
@Component
class MongoKnownCases implements KnownCases {

    @Document("knownCases")
    record KnownCaseDocument(
            @Id String id, @Unwrapped.Nullable KnownCase known) {}

    private final MongoTemplate mongo;

    MongoKnownCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(KnownCase known) {
        try {
            mongo.insert(new KnownCaseDocument(known.complaintId(), known));
        } catch (DuplicateKeyException e) {
            // known already: the first registration stands
        }
    }

    @Override
    public Optional<KnownCase> byId(String complaintId) {
        return Optional.ofNullable(mongo.findById(complaintId, KnownCaseDocument.class))
                .map(KnownCaseDocument::known);
    }

    @Override
    public void changePriority(String complaintId, Priority priority) {
        mongo.updateFirst(
                query(where("_id").is(complaintId)), new Update().set("priority", priority), KnownCaseDocument.class);
    }

    /** {@code $max}: calls only add up, so a redelivered or late count leaves the higher one. */
    @Override
    public void recordCalls(String complaintId, int callCount) {
        mongo.updateFirst(
                query(where("_id").is(complaintId)), new Update().max("callCount", callCount), KnownCaseDocument.class);
    }
}
