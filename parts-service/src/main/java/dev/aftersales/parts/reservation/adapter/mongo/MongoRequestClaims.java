package dev.aftersales.parts.reservation.adapter.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.parts.reservation.application.RequestClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Claims in the {@code requestClaims} collection, {@code _id} = request id. Taking a claim is an
 * insert (a duplicate key means someone has it: atomic on MongoDB and on the embedded store); taking
 * over an abandoned one is an update guarded by the old token. Finishing, noting a line and dropping
 * are updates guarded by the holder's token.
 *
 * <p>The collection gains a document per request ever handled, so every guarded write addresses its
 * claim by {@code {_id, token}} with a unique index on exactly those fields: an index lookup on the
 * embedded store too, which serves an index only when a filter names exactly its fields.
 */
@Component
class MongoRequestClaims implements RequestClaims {

    static final String COLLECTION = "requestClaims";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final WallClock wall;

    MongoRequestClaims(MongoTemplate mongo, WallClock wall) {
        this.mongo = mongo;
        this.wall = wall;
        // unique because _id is: the embedded store ignores non-unique indexes
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("_id", Direction.ASC)
                        .on("token", Direction.ASC)
                        .unique());
    }

    @Override
    public Claim take(String requestId, Duration lease) {
        return take(requestId, wall.instant(), lease, Set.of());
    }

    @Override
    public Claim take(String requestId, Duration lease, Set<String> lines) {
        return take(requestId, wall.instant(), lease, lines);
    }

    @Override
    public Claim take(String requestId, Instant now, Duration lease) {
        return take(requestId, now, lease, Set.of());
    }

    private Claim take(String requestId, Instant now, Duration lease, Set<String> lines) {
        var token = UUID.randomUUID().toString();
        try {
            mongo.insert(
                    new Document("_id", requestId)
                            .append("token", token)
                            .append("claimedAt", Date.from(now))
                            .append("lines", List.copyOf(lines)),
                    COLLECTION);
            return new Taken(token, true, Set.copyOf(lines));
        } catch (DuplicateKeyException e) {
            var held = mongo.findById(requestId, Document.class, COLLECTION);
            if (held == null) {
                return new Busy(); // removed meanwhile (a claim from before claims were kept): ask again
            }
            if (held.getString("outcome") != null) {
                return new Finished(held.getString("outcome"));
            }
            if (held.getDate("claimedAt").toInstant().plus(lease).isAfter(now)) {
                return new Busy();
            }
            var update = Update.update("token", token).set("claimedAt", Date.from(now));
            if (!lines.isEmpty()) {
                update.addToSet("lines").each(lines.toArray());
            }
            var takenOver = mongo.updateFirst(byToken(requestId, held.getString("token")), update, COLLECTION);
            if (takenOver.getModifiedCount() != 1) {
                return new Busy();
            }
            // A claim taken before lines were noted says nothing of where its holders wrote.
            var noted = held.getList("lines", String.class);
            if (noted == null) {
                return new Taken(token, false, null);
            }
            var all = new LinkedHashSet<>(noted);
            all.addAll(lines);
            return new Taken(token, false, Set.copyOf(all));
        }
    }

    /** One unordered insert of all the claims: a key taken means the request was claimed before. */
    @Override
    public Map<String, Taken> takeFirst(List<String> requestIds, Duration lease, Set<String> lines) {
        var now = Date.from(wall.instant());
        var claims = new LinkedHashMap<String, Taken>();
        var documents = new ArrayList<Document>();
        for (var requestId : new LinkedHashSet<>(requestIds)) {
            var token = UUID.randomUUID().toString();
            claims.put(requestId, new Taken(token, true, Set.copyOf(lines)));
            documents.add(new Document("_id", requestId)
                    .append("token", token)
                    .append("claimedAt", now)
                    .append("lines", List.copyOf(lines)));
        }
        try {
            mongo.getCollection(COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                claims.remove(documents.get(error.getIndex()).getString("_id"));
            }
        }
        return claims;
    }

    @Override
    public void finishAll(Map<String, Taken> claims, Map<String, String> outcomes) {
        var finishes = new ArrayList<UpdateOneModel<Document>>();
        outcomes.forEach((requestId, outcome) -> finishes.add(new UpdateOneModel<>(
                // exactly the unique index's fields: an index lookup on the embedded store too
                new Document("_id", requestId)
                        .append("token", claims.get(requestId).token()),
                Updates.set("outcome", outcome))));
        if (!finishes.isEmpty()) {
            mongo.getCollection(COLLECTION).bulkWrite(finishes, new BulkWriteOptions().ordered(false));
        }
    }

    @Override
    public void note(String requestId, String token, String lineId) {
        var noted = mongo.updateFirst(byToken(requestId, token), new Update().addToSet("lines", lineId), COLLECTION);
        if (noted.getMatchedCount() != 1) {
            throw new IllegalStateException("the claim on request " + requestId + " was taken over");
        }
    }

    @Override
    public void finish(String requestId, String token, String outcome) {
        mongo.updateFirst(byToken(requestId, token), Update.update("outcome", outcome), COLLECTION);
    }

    /** The lease ends now: a retry takes the claim over at once and finds the lines this holder noted. */
    @Override
    public void drop(String requestId, String token) {
        mongo.updateFirst(
                byToken(requestId, token),
                Update.update("token", "dropped-" + UUID.randomUUID()).set("claimedAt", new Date(0)),
                COLLECTION);
    }

    private static Query byToken(String requestId, String token) {
        return Query.query(Criteria.where("_id").is(requestId).and("token").is(token));
    }
}
