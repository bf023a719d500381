package dev.aftersales.chassis.idempotency;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The keys in {@code idempotency_keys}, one document per key of one caller ({@code _id} holds both).
 * Claiming is an insert, so of two concurrent requests with one key exactly one does the work; a
 * stale claim is taken over by a guarded update on its claim time, so only one retry wins it.
 */
class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    /** A claimed key: the request it was used for and, once answered, the answer. */
    record Key(String id, String fingerprint, Instant claimedAt, Instant expiresAt, Answer answer) {

        boolean answered() {
            return answer != null;
        }
    }

    /** What the first request was answered; a retry gets exactly this. */
    record Answer(int status, String contentType, String location, byte[] body) {}

    private final MongoTemplate mongo;

    IdempotencyKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The TTL index removes expired keys on real MongoDB; the embedded store ignores it and relies on
     * the sweep. The unique pairs with {@code _id} keep the guarded updates index lookups on the
     * embedded store, which scans the collection unless an index matches a filter's fields exactly.
     */
    void declareIndexes() {
        var keys = mongo.getCollection(COLLECTION);
        keys.createIndex(
                Indexes.ascending("expiresAt"),
                new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
        keys.createIndex(
                Indexes.ascending("_id", "claimedAt"),
                new IndexOptions().name("_id_claimedAt").unique(true));
        keys.createIndex(
                Indexes.ascending("_id", "expiresAt"),
                new IndexOptions().name("_id_expiresAt").unique(true));
    }

    Optional<Key> find(String id) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION)
                        .find(Filters.eq("_id", id))
                        .first())
                .map(IdempotencyKeys::key);
    }

    /** @return false when the key was claimed before */
    boolean claim(String id, String subject, String key, String fingerprint, Instant now, Instant expiresAt) {
        try {
            mongo.getCollection(COLLECTION)
                    .insertOne(new Document("_id", id)
                            .append("subject", subject)
                            .append("key", key)
                            .append("fingerprint", fingerprint)
                            .append("claimedAt", Date.from(now))
                            .append("expiresAt", Date.from(expiresAt)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes over a claim left unanswered since {@code claimedAt}; false when another retry was faster. */
    boolean takeOver(String id, Instant claimedAt, Instant now, Instant expiresAt) {
        var updated = mongo.getCollection(COLLECTION)
                .findOneAndUpdate(
                        Filters.and(Filters.eq("_id", id), Filters.eq("claimedAt", Date.from(claimedAt))),
                        Updates.combine(
                                Updates.set("claimedAt", Date.from(now)),
                                Updates.set("expiresAt", Date.from(expiresAt))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return updated != null;
    }

    void answer(String id, Answer answer) {
        mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.eq("_id", id),
                        Updates.set(
                                "answer",
                                new Document("status", answer.status())
                                        .append("contentType", answer.contentType())
                                        .append("location", answer.location())
                                        .append("body", new Binary(answer.body()))));
    }

    /** Gives an unanswered claim up (the request failed), so a retry does the work. */
    void release(String id, Instant claimedAt) {
        mongo.getCollection(COLLECTION)
                .deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("claimedAt", Date.from(claimedAt))));
    }

    /** Forgets a key past its retention, unless someone claimed it anew meanwhile. */
    void forget(String id, Instant expiresAt) {
        mongo.getCollection(COLLECTION)
                .deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("expiresAt", Date.from(expiresAt))));
    }

    /** @return how many keys past their retention were removed */
    long sweep(Instant now) {
        return mongo.getCollection(COLLECTION)
                .deleteMany(Filters.lt("expiresAt", Date.from(now)))
                .getDeletedCount();
    }

    private static Key key(Document doc) {
        var answer = doc.get("answer", Document.class);
        return new Key(
                doc.getString("_id"),
                doc.getString("fingerprint"),
                doc.getDate("claimedAt").toInstant(),
                doc.getDate("expiresAt").toInstant(),
                answer == null
                        ? null
                        : new Answer(
                                answer.getInteger("status"),
                                answer.getString("contentType"),
                                answer.getString("location"),
                                answer.get("body", Binary.class).getData()));
    }
}
