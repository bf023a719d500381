package dev.aftersales.parts;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The never-oversell invariants, checked on the stored document itself (not the domain's view of
 * it) by the concurrency tests' watcher threads: available ≥ 0, reserved + available = on hand,
 * and the reservations held add up to reserved.
 */
final class StockInvariants {

    private StockInvariants() {}

    static void check(MongoTemplate mongo, String stockId, List<String> violations) {
        var doc =
                mongo.getCollection("stock").find(new Document("_id", stockId)).first();
        if (doc == null) {
            return;
        }
        int onHand = doc.getInteger("onHand");
        int reserved = doc.getInteger("reserved");
        int available = doc.getInteger("available");
        int held = doc.getList("reservations", Document.class).stream()
                .mapToInt(r -> r.getInteger("quantity"))
                .sum();
        if (available < 0 || reserved + available != onHand || held != reserved) {
            violations.add(stockId + " onHand=" + onHand + " reserved=" + reserved + " available=" + available
                    + " held=" + held);
        }
    }
}
