package dev.aftersales.parts.backorder.adapter.mongo;

import dev.aftersales.parts.backorder.application.BackorderTallies;
import dev.aftersales.parts.backorder.domain.BackorderTally;
import dev.aftersales.parts.reservation.domain.Backorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Backorders of a period counted in the store: one aggregation grouping them by dealer and status,
 * served on MongoDB proper by an index on {@code backorderedAt} (or the dealer's list index, which
 * starts with the dealer and then {@code backorderedAt}).
 */
@Component
class MongoBackorderTallies implements BackorderTallies {

    private static final String BACKORDERS = "backorders";

    private final MongoTemplate mongo;

    MongoBackorderTallies(MongoTemplate mongo) {
        this.mongo = mongo;
        // for MongoDB proper: every dealer's backorders of a period
        mongo.indexOps(BACKORDERS).createIndex(new Index("backorderedAt", Sort.Direction.ASC));
    }

    @Override
    public List<BackorderTally> backorderedBetween(String dealerId, Instant start, Instant end) {
        var match = new Document();
        if (dealerId != null) {
            match.append("locationId", dealerId);
        }
        match.append("backorderedAt", new Document("$gte", Date.from(start)).append("$lt", Date.from(end)));
        var pipeline = List.of(
                new Document("$match", match),
                new Document(
                        "$group",
                        new Document("_id", new Document("dealer", "$locationId").append("status", "$status"))
                                .append("requests", new Document("$sum", 1))
                                .append("units", new Document("$sum", "$quantity"))));
        var byDealer = new TreeMap<String, int[]>();
        for (var group : mongo.getCollection(BACKORDERS).aggregate(pipeline)) {
            var key = group.get("_id", Document.class);
            var status = key.getString("status") == null
                    ? Backorder.Status.WAITING
                    : Backorder.Status.valueOf(key.getString("status"));
            int requests = ((Number) group.get("requests")).intValue();
            int units = ((Number) group.get("units")).intValue();
            // backordered, units, served, withdrawn, waiting, units waiting
            var counts = byDealer.computeIfAbsent(key.getString("dealer"), d -> new int[6]);
            counts[0] += requests;
            counts[1] += units;
            switch (status) {
                case SERVED -> counts[2] += requests;
                case WITHDRAWN -> counts[3] += requests;
                case WAITING, SERVING -> {
                    counts[4] += requests;
                    counts[5] += units;
                }
            }
        }
        var tallies = new ArrayList<BackorderTally>();
        byDealer.forEach((dealer, c) -> tallies.add(new BackorderTally(dealer, c[0], c[1], c[2], c[3], c[4], c[5])));
        return tallies;
    }
}
