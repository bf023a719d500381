package dev.aftersales.parts.transfer.adapter.mongo;

import dev.aftersales.chassis.paging.Keyset;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.parts.stock.domain.TransferStatus;
import dev.aftersales.parts.transfer.application.ListTransfers;
import dev.aftersales.parts.transfer.application.TransferPages;
import dev.aftersales.parts.transfer.application.TransferRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * A dealer's transfers, read from the stock lines that hold them: a transfer is a reservation with a
 * transfer id inside the sender's line, and after receipt inside the receiver's. One aggregation per
 * page: the lines holding the dealer's transfers (an index on the reservation's sender or receiver),
 * their reservations unwound, one row per transfer — the receiver's copy when both lines hold it
 * (between the two writes of a receipt) — then the keyset continuation, order and limit.
 *
 * <p>Only the first stage can use an index: the rest sorts the dealer's open transfers in memory, which
 * stays small because a transfer leaves the lines when its units are consumed or released. Reservations
 * stored before the sender was recorded on them ({@code transferFrom}) are not in the sender's list.
 */
@Component
class MongoTransferPages implements TransferPages {

    /** The stock lines' collection ({@code MongoStocks}), read here only. */
    private static final String STOCK = "stock";

    private static final String REQUESTED_AT = "requestedAt";

    private final MongoTemplate mongo;

    MongoTransferPages(MongoTemplate mongo) {
        this.mongo = mongo;
        // for MongoDB proper (the embedded store ignores non-unique indexes): the lines holding a dealer's transfers
        var indexes = mongo.indexOps(STOCK);
        indexes.createIndex(new Index("reservations.transferFrom", Sort.Direction.ASC).sparse());
        indexes.createIndex(new Index("reservations.transferTo", Sort.Direction.ASC).sparse());
    }

    @Override
    public List<TransferRow> matching(ListTransfers.Filter filter, PageRequest page) {
        var party = "reservations." + (filter.side() == ListTransfers.Side.SENDER ? "transferFrom" : "transferTo");
        var rows = new Criteria();
        if (filter.status() != null) {
            rows.and("status").is(filter.status().name());
        }
        Keyset.within(rows, REQUESTED_AT, filter.from(), filter.to());
        var keyset = Keyset.query(rows, REQUESTED_AT, Sort.Direction.DESC, page);
        var pipeline = List.of(
                new Document("$match", new Document(party, filter.dealerId())),
                new Document("$unwind", "$reservations"),
                new Document(
                        "$match",
                        new Document(party, filter.dealerId())
                                .append("reservations.transferId", new Document("$ne", null))),
                // RECEIVED sorts before REQUESTED and SHIPPED: the group's first copy is the one that counts
                new Document("$sort", new Document("reservations.transferStatus", 1)),
                new Document("$group", group()),
                new Document("$match", bson(keyset.getQueryObject())),
                new Document("$sort", new Document(REQUESTED_AT, -1).append("_id", -1)),
                new Document("$limit", page.limit() + 1));
        var found = new ArrayList<TransferRow>();
        for (var row : mongo.getCollection(STOCK).aggregate(pipeline)) {
            found.add(row(row));
        }
        return found;
    }

    private static Document group() {
        var group = new Document("_id", "$reservations.transferId");
        for (var field : List.of("requestId", "complaintId", "quantity", "transferFrom", "transferTo", "readyAt")) {
            group.append(field, new Document("$first", "$reservations." + field));
        }
        return group.append("partNumber", new Document("$first", "$partNumber"))
                .append("heldAt", new Document("$first", "$locationId"))
                .append("status", new Document("$first", "$reservations.transferStatus"))
                .append(REQUESTED_AT, new Document("$first", "$reservations.reservedAt"));
    }

    private static TransferRow row(Document row) {
        var status = TransferStatus.valueOf(row.getString("status"));
        return new TransferRow(
                row.getString("_id"),
                row.getString("requestId"),
                row.getString("complaintId"),
                row.getString("partNumber"),
                row.getInteger("quantity", 0),
                row.getString("transferFrom"),
                row.getString("transferTo"),
                status == TransferStatus.RECEIVED ? null : row.getString("heldAt"),
                status,
                instant(row.getDate(REQUESTED_AT)),
                instant(row.getDate("readyAt")));
    }

    /** The keyset's conditions with times as BSON dates. */
    private Document bson(Document query) {
        return (Document) mongo.getConverter().convertToMongoType(query);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
