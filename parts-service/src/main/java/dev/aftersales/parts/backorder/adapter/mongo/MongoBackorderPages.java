package dev.aftersales.parts.backorder.adapter.mongo;

import dev.aftersales.chassis.paging.Keyset;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.backorder.application.BackorderPages;
import dev.aftersales.parts.backorder.application.ListBackorders;
import dev.aftersales.parts.backorder.domain.DealerBackorder;
import dev.aftersales.parts.reservation.domain.Backorder;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * A dealer's backorders, read from the {@code backorders} collection the reservation chain writes
 * (its fields at the top level: {@code locationId}, {@code status}, {@code backorderedAt}). Read only
 * here; one keyset query per page, served on MongoDB proper by an index on the dealer (and status),
 * then {@code (backorderedAt, _id)}.
 */
@Component
class MongoBackorderPages implements BackorderPages {

    private static final String BACKORDERS = "backorders";
    private static final String BACKORDERED_AT = "backorderedAt";

    private final MongoTemplate mongo;

    MongoBackorderPages(MongoTemplate mongo) {
        this.mongo = mongo;
        // for MongoDB proper (the embedded store ignores non-unique indexes): the list's equality fields, then its
        // order
        var indexes = mongo.indexOps(BACKORDERS);
        for (var fields : List.of(List.of("locationId"), List.of("locationId", "status"))) {
            var index = new Index();
            fields.forEach(field -> index.on(field, Sort.Direction.ASC));
            indexes.createIndex(index.on(BACKORDERED_AT, Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        }
    }

    @Override
    public List<DealerBackorder> matching(ListBackorders.Filter filter, PageRequest page) {
        var criteria = Criteria.where("locationId").is(filter.dealerId());
        if (filter.status() != null) {
            criteria.and("status").is(filter.status().name());
        }
        Keyset.within(criteria, BACKORDERED_AT, filter.from(), filter.to());
        return mongo
                .find(Keyset.query(criteria, BACKORDERED_AT, Sort.Direction.ASC, page), Document.class, BACKORDERS)
                .stream()
                .map(MongoBackorderPages::row)
                .toList();
    }

    private static DealerBackorder row(Document stored) {
        var priority = stored.getString("priority");
        var status = stored.getString("status");
        return new DealerBackorder(
                stored.getString("_id"),
                stored.getString("complaintId"),
                stored.getString("assignmentId"),
                stored.getString("actionId"),
                stored.getString("locationId"),
                stored.getString("partNumber"),
                stored.getInteger("quantity", 0),
                priority == null ? Priority.NORMAL : Priority.valueOf(priority),
                status == null ? Backorder.Status.WAITING : Backorder.Status.valueOf(status),
                stored.getString("servingLocationId"),
                stored.getDate(BACKORDERED_AT).toInstant());
    }
}
