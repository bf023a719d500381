package dev.aftersales.chassis.events;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which dead letters were replayed, by whom and when: one document per dead letter in {@code
 * dead_letter_replays}, its {@code _id} the dead letter's {@code <topic>/<partition>/<offset>}.
 * Claiming is an insert, so of two operators (or instances) replaying the same dead letter exactly one
 * sends it. A claim never confirmed as sent (the instance died in between) is taken over after {@link
 * #STALE_AFTER} by a guarded update on its claim time.
 */
class DeadLetterReplays {

    static final String COLLECTION = "dead_letter_replays";

    /** Far longer than one send to the broker takes. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    /** A dead letter's replay: who claimed it when, and when the broker took the copy (null until then). */
    record Replay(String id, String replayedBy, Instant claimedAt, Instant sentAt) {

        boolean sent() {
            return sentAt != null;
        }
    }

    private final MongoTemplate mongo;

    DeadLetterReplays(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String idOf(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    /** A unique pair with {@code _id}, so the guarded take-over is an index lookup on the embedded store too. */
    void declareIndexes() {
        mongo.getCollection(COLLECTION)
                .createIndex(
                        Indexes.ascending("_id", "claimedAt"),
                        new IndexOptions().name("_id_claimedAt").unique(true));
        mongo.getCollection(COLLECTION)
                .createIndex(Indexes.ascending("deadLetterTopic"), new IndexOptions().name("deadLetterTopic"));
    }

    /**
     * Claims the replay of one dead letter for {@code actor}.
     *
     * @return the earlier replay when there was one (sent, or claimed and not yet stale); empty when
     *     this call won the claim
     */
    Optional<Replay> claim(String topic, int partition, long offset, String eventId, String actor, Instant now) {
        var id = idOf(topic, partition, offset);
        try {
            mongo.getCollection(COLLECTION)
                    .insertOne(new Document("_id", id)
                            .append("deadLetterTopic", topic)
                            .append("partition", partition)
                            .append("offset", offset)
                            .append("eventId", eventId)
                            .append("replayedBy", actor)
                            .append("claimedAt", Date.from(now)));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
        } catch (DuplicateKeyException e) {
            // claimed before: see below
        }
        var earlier = find(id).orElseThrow();
        if (earlier.sent() || earlier.claimedAt().isAfter(now.minus(STALE_AFTER))) {
            return Optional.of(earlier);
        }
        var takenOver = mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.and(Filters.eq("_id", id), Filters.eq("claimedAt", Date.from(earlier.claimedAt()))),
                        Updates.combine(Updates.set("claimedAt", Date.from(now)), Updates.set("replayedBy", actor)));
        return takenOver.getModifiedCount() == 1 ? Optional.empty() : find(id);
    }

    void sent(String topic, int partition, long offset, Instant at) {
        mongo.getCollection(COLLECTION)
                .updateOne(Filters.eq("_id", idOf(topic, partition, offset)), Updates.set("sentAt", Date.from(at)));
    }

    /** Gives a claim up whose copy the broker did not take, so that the dead letter can be replayed again. */
    void release(String topic, int partition, long offset, Instant claimedAt) {
        mongo.getCollection(COLLECTION)
                .deleteOne(Filters.and(
                        Filters.eq("_id", idOf(topic, partition, offset)),
                        Filters.eq("claimedAt", Date.from(claimedAt))));
    }

    /** The replays of one dead-letter topic's records, by {@link #idOf}. */
    Map<String, Replay> of(String topic) {
        var replays = new HashMap<String, Replay>();
        for (var doc : mongo.getCollection(COLLECTION).find(Filters.eq("deadLetterTopic", topic))) {
            var replay = replay(doc);
            replays.put(replay.id(), replay);
        }
        return replays;
    }

    private Optional<Replay> find(String id) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION)
                        .find(Filters.eq("_id", id))
                        .first())
                .map(DeadLetterReplays::replay);
    }

    private static Replay replay(Document doc) {
        var sentAt = doc.getDate("sentAt");
        return new Replay(
                doc.getString("_id"),
                doc.getString("replayedBy"),
                doc.getDate("claimedAt").toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
