package dev.aftersales.dispatch.feed.adapter.mongo;

import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.dispatch.feed.domain.FeedTicket;
import dev.aftersales.dispatch.feed.domain.FeedTickets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** One document per ticket under the digest of its secret; taking it is one {@code findAndRemove} by {@code _id}. */
@Component
class MongoFeedTickets implements FeedTickets {

    private final MongoTemplate mongo;
    private final WallClock wall;

    MongoFeedTickets(MongoTemplate mongo, WallClock wall) {
        this.mongo = mongo;
        this.wall = wall;
        // Real MongoDB removes expired tickets itself; the embedded store ignores TTL, the sweep does it there.
        mongo.indexOps(TicketDocument.class)
                .createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @Override
    public Instant add(String digest, FeedTicket ticket, Duration lifetime) {
        var expiresAt = wall.instant().plus(lifetime);
        mongo.insert(new TicketDocument(digest, ticket.technicianId(), ticket.userId(), ticket.dealerId(), expiresAt));
        return expiresAt;
    }

    @Override
    public Optional<FeedTicket> take(String digest) {
        return Optional.ofNullable(
                        mongo.findAndRemove(Query.query(Criteria.where("_id").is(digest)), TicketDocument.class))
                .filter(d -> wall.instant().isBefore(d.expiresAt()))
                .map(d -> new FeedTicket(d.technicianId(), d.userId(), d.dealerId()));
    }

    @Override
    public long removeExpired() {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lt(wall.instant())), TicketDocument.class)
                .getDeletedCount();
    }

    @Document("feedTickets")
    record TicketDocument(@Id String digest, String technicianId, String userId, String dealerId, Instant expiresAt) {}
}
