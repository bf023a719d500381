package dev.aftersales.parts.reservation.adapter.mongo;

import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.parts.reservation.application.RequestClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Claims in the {@code requestClaims} collection, {@code _id} = request id. Taking a claim is an
 * insert (a duplicate key means someone has it: atomic on MongoDB and on the embedded store); taking
 * over an abandoned one is an update guarded by the old token. Finishing and dropping are updates guarded by the holder's token.
 */
@Component
class MongoRequestClaims implements RequestClaims {

    static final String COLLECTION = "requestClaims";

    private final MongoTemplate mongo;
    private final WallClock wall;

    MongoRequestClaims(MongoTemplate mongo, WallClock wall) {
        this.mongo = mongo;
        this.wall = wall;
    }

    @Override
    public Claim take(String requestId, Duration lease) {
        return take(requestId, wall.instant(), lease);
    }

    @Override
    public Claim take(String requestId, Instant now, Duration lease) {
        var token = UUID.randomUUID().toString();
        try {
            mongo.insert(
                    new Document("_id", requestId).append("token", token).append("claimedAt", Date.from(now)),
                    COLLECTION);
            return new Taken(token);
        } catch (DuplicateKeyException e) {
            var held = mongo.findById(requestId, Document.class, COLLECTION);
            if (held == null) {
                return new Busy(); // dropped meanwhile: the caller asks again
            }
            if (held.getString("outcome") != null) {
                return new Finished(held.getString("outcome"));
            }
            if (held.getDate("claimedAt").toInstant().plus(lease).isAfter(now)) {
                return new Busy();
            }
            var takenOver = mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(requestId).and("token").is(held.getString("token"))),
                    Update.update("token", token).set("claimedAt", Date.from(now)),
                    COLLECTION);
            return takenOver.getModifiedCount() == 1 ? new Taken(token) : new Busy();
        }
    }

    @Override
    public void finish(String requestId, String token, String outcome) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(requestId).and("token").is(token)),
                Update.update("outcome", outcome),
                COLLECTION);
    }

    @Override
    public void drop(String requestId, String token) {
        mongo.remove(
                Query.query(Criteria.where("_id").is(requestId).and("token").is(token)), COLLECTION);
    }
}
