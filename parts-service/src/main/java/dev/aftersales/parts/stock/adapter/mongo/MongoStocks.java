package dev.aftersales.parts.stock.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.chassis.time.DueTimes;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.StockOnHand;
import dev.aftersales.parts.stock.domain.StockState;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stock lines in the {@code stock} collection. Saves are optimistic: Spring Data writes where
 * {@code {_id, version}} still match, which the chassis' unique index on those two fields keeps an
 * index lookup on the embedded store too. Every query has an index on MongoDB proper (the embedded
 * store ignores non-unique ones): lines grow with dealers times parts, and reservations live inside them.
 *
 * <p>The reservation chain reads only by key, so that its cost does not grow with what is stored: a
 * part's lines through the part's document in {@value #PARTS} ({@code _id} = part number, the
 * locations it is stocked at), then by their ids.
 */
@Component
class MongoStocks implements Stocks {

    static final String COLLECTION = "stock";

    /** Per part, the locations it has a line at: written before a line's first save, so never behind. */
    static final String PARTS = "stock_parts";

    /** In {@value #PARTS}: present once the lines stored before the part documents existed were listed. */
    private static final String ALL_LINES_LISTED = "~all-lines-listed";

    private final StockDocuments documents;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    MongoStocks(StockDocuments documents, MongoTemplate mongo, OutboxRelay relay) {
        this.documents = documents;
        this.relay = relay;
        var indexes = mongo.indexOps(StockDocument.class);
        // a location's lines in part order (stock view, valuation), and the locations the gauges list
        indexes.createIndex(new Index().on("locationId", Direction.ASC).on("partNumber", Direction.ASC));
        // the lines holding an assignment's, a complaint's, a transfer's or a request's reservations
        indexes.createIndex(new Index("reservations.assignmentId", Direction.ASC).sparse());
        indexes.createIndex(new Index("reservations.complaintId", Direction.ASC).sparse());
        indexes.createIndex(new Index("reservations.transferId", Direction.ASC).sparse());
        indexes.createIndex(new Index("reservations.requestId", Direction.ASC).sparse());
        // the line a request left (consumed, released, handed over)
        indexes.createIndex(new Index("consumedRequestIds", Direction.ASC).sparse());
        // the expiry sweep's due lines; lines holding nothing have no nextExpiryAt
        indexes.createIndex(new Index("nextExpiryAt", Direction.ASC).sparse());
        this.mongo = mongo;
        listLinesStoredBefore();
    }

    /**
     * Once per store: the lines saved before the part documents existed join their part's document.
     * One read of every line, then never again; a line saved meanwhile lists itself, twice is harmless.
     */
    private void listLinesStoredBefore() {
        var parts = mongo.getCollection(PARTS);
        if (parts.find(Filters.eq("_id", ALL_LINES_LISTED)).first() != null) {
            return;
        }
        if (mongo.getCollection(COLLECTION).estimatedDocumentCount() > 0) {
            var listings = new ArrayList<UpdateOneModel<Document>>();
            for (var line : mongo.getCollection(COLLECTION)
                    .find()
                    .projection(Projections.include("locationId", "partNumber"))) {
                listings.add(new UpdateOneModel<>(
                        Filters.eq("_id", line.getString("partNumber")),
                        Updates.addToSet("locations", line.getString("locationId")),
                        new UpdateOptions().upsert(true)));
            }
            if (!listings.isEmpty()) {
                parts.bulkWrite(listings);
            }
        }
        parts.updateOne(
                Filters.eq("_id", ALL_LINES_LISTED),
                Updates.setOnInsert("listedAt", new java.util.Date()),
                new UpdateOptions().upsert(true));
    }

    @Override
    public Optional<Stock> find(String stockId) {
        return documents.findById(stockId).map(StockDocument::toStock);
    }

    @Override
    public List<Stock> atLocation(String locationId) {
        return documents.findByLineLocationIdOrderByLinePartNumber(locationId).stream()
                .map(StockDocument::toStock)
                .toList();
    }

    @Override
    public List<Stock> holdingReservationsOf(String assignmentId) {
        return documents.findByLineReservationsAssignmentId(assignmentId).stream()
                .map(StockDocument::toStock)
                .toList();
    }

    @Override
    public List<Stock> holdingReservationsOfComplaint(String complaintId) {
        return documents.findByLineReservationsComplaintId(complaintId).stream()
                .map(StockDocument::toStock)
                .toList();
    }

    @Override
    public List<Stock> holdingTransfer(String transferId) {
        return documents.findByLineReservationsTransferId(transferId).stream()
                .map(StockDocument::toStock)
                .toList();
    }

    @Override
    public List<Stock> holdingRequest(String requestId) {
        return documents.findByLineReservationsRequestId(requestId).stream()
                .map(StockDocument::toStock)
                .toList();
    }

    @Override
    public boolean consumedAnywhere(String requestId) {
        return documents.existsByLineConsumedRequestIds(requestId);
    }

    @Override
    public Optional<Stock> whereLeft(String requestId) {
        return documents.findByLineConsumedRequestIds(requestId).stream()
                .findFirst()
                .map(StockDocument::toStock);
    }

    /**
     * The part's lines by their ids, first glancing at each one's stored {@code available} (kept
     * beside the reservations on every write), then reading whole only those with units: in a storm
     * on a sold-out line, reading and mapping its hundreds of reservations per request was about
     * 40 % of parts' CPU (StormBenchmark).
     */
    @Override
    public List<Stock> withUnitsOf(String partNumber, Set<String> except) {
        var part = mongo.findById(partNumber, Document.class, PARTS);
        var locations = part == null ? null : part.getList("locations", String.class);
        if (locations == null || locations.isEmpty()) {
            return List.of();
        }
        var ids = locations.stream()
                .map(l -> Stock.idOf(l, partNumber))
                .filter(id -> !except.contains(id))
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        var withUnits = new ArrayList<String>();
        for (var level : mongo.getCollection(COLLECTION)
                .find(Filters.in("_id", ids))
                .projection(Projections.include("available"))) {
            // a line stored without the number is read whole, to be safe
            if (!(level.get("available") instanceof Integer available) || available > 0) {
                withUnits.add(level.getString("_id"));
            }
        }
        if (withUnits.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(withUnits)), StockDocument.class).stream()
                .map(StockDocument::toStock)
                .filter(line -> line.available() > 0)
                .toList();
    }

    /** Guarded writes tried before the line decides: each failed one means another hold moved the line. */
    private static final int HOLD_ATTEMPTS = 20;

    /**
     * Glances at the line's available units and reorder point (not its reservations), then writes
     * the hold where they are still such that the events computed from them are right: above the
     * reorder point after the hold ({@code available >= quantity + reorderPoint}), or below it before
     * ({@code quantity <= available < reorderPoint}): no StockLow, and a concurrent hold that leaves
     * enough does not defeat this one; only the hold that crosses the point is guarded by the exact
     * number it crosses from, so StockLow is raised once. The events are marked for the outbox sweep
     * before the write and handed to the relay after it, as a save does ({@code OutboxSaveListener}).
     */
    @Override
    public Hold holdAtOnce(
            String locationId,
            String partNumber,
            int quantity,
            Supplier<Reservation> reservationOnceAvailable,
            Instant now) {
        var id = Stock.idOf(locationId, partNumber);
        Reservation reservation = null;
        for (int attempt = 0; attempt < HOLD_ATTEMPTS; attempt++) {
            var level = mongo.getCollection(COLLECTION)
                    .find(Filters.eq("_id", id))
                    .projection(Projections.include("available", "reorderPoint"))
                    .first();
            if (level == null || level.getInteger("available", 0) < quantity) {
                return Hold.TOO_FEW;
            }
            if (reservation == null) {
                reservation = reservationOnceAvailable.get();
                if (reservation.quantity() != quantity) {
                    throw new IllegalArgumentException(
                            "a reservation of " + reservation.quantity() + " units for a hold of " + quantity);
                }
            }
            int available = level.getInteger("available");
            int reorderPoint = level.getInteger("reorderPoint", 0);
            var guard = levelGuard(id, available, quantity, reorderPoint);
            // held or left here before: the line's own check decides (Stock#reserve refuses)
            guard.and("reservations.requestId")
                    .ne(reservation.requestId())
                    .and("consumedRequestIds")
                    .ne(reservation.requestId());
            var pending = Outbox.of(Stock.reserving(locationId, partNumber, reservation, available, reorderPoint, now))
                    .pending();
            var update = holding(List.of(reservation), pending);
            relay.mark(COLLECTION, Map.of(id, pending));
            if (mongo.updateFirst(Query.query(guard), update, COLLECTION).getModifiedCount() == 1) {
                relay.enqueue(COLLECTION, id, pending);
                return Hold.HELD;
            }
            // not written: the mark is left for the sweep to remove, as no such event is pending
        }
        return Hold.LINE_DECIDES;
    }

    /**
     * As {@link #holdAtOnce}: the guard is that of one hold of all the reservations' units, and the
     * line must hold or remember none of their requests ({@code $nin}); each request's events are
     * computed from the numbers glanced at, and marked before the write.
     */
    @Override
    public Optional<List<Reservation>> holdAllAtOnce(
            String locationId, String partNumber, IntFunction<List<Reservation>> fitting, Instant now) {
        var id = Stock.idOf(locationId, partNumber);
        for (int attempt = 0; attempt < HOLD_ATTEMPTS; attempt++) {
            var level = mongo.getCollection(COLLECTION)
                    .find(Filters.eq("_id", id))
                    .projection(Projections.include("available", "reorderPoint"))
                    .first();
            int available = level == null ? 0 : level.getInteger("available", 0);
            var reservations = available > 0 ? fitting.apply(available) : List.<Reservation>of();
            if (reservations.isEmpty()) {
                return Optional.of(List.of());
            }
            int quantity = reservations.stream().mapToInt(Reservation::quantity).sum();
            if (quantity > available) {
                throw new IllegalArgumentException(quantity + " units to hold where " + available + " are available");
            }
            int reorderPoint = level.getInteger("reorderPoint", 0);
            var requestIds = reservations.stream().map(Reservation::requestId).toList();
            var guard = levelGuard(id, available, quantity, reorderPoint)
                    .and("reservations.requestId")
                    .nin(requestIds)
                    .and("consumedRequestIds")
                    .nin(requestIds);
            var pending = Outbox.of(
                            Stock.reservingAll(locationId, partNumber, reservations, available, reorderPoint, now))
                    .pending();
            var update = holding(reservations, pending);
            relay.mark(COLLECTION, Map.of(id, pending));
            if (mongo.updateFirst(Query.query(guard), update, COLLECTION).getModifiedCount() == 1) {
                relay.enqueue(COLLECTION, id, pending);
                return Optional.of(reservations);
            }
            // not written: the mark is left for the sweep to remove, as no such event is pending
        }
        return Optional.empty();
    }

    /**
     * The one write of a hold: the reservations and the events they raise pushed, their units moved from
     * available to reserved, the earliest expiry of a reservation held here (not in transit) kept.
     */
    private Update holding(List<Reservation> reservations, List<OutboxEvent> pending) {
        var converter = mongo.getConverter();
        var update = new Update()
                .push("reservations")
                .each(reservations.stream()
                        .map(r -> converter.convertToMongoType(r, TypeInformation.of(Reservation.class)))
                        .toArray())
                .inc(
                        "reserved",
                        reservations.stream().mapToInt(Reservation::quantity).sum())
                .inc(
                        "available",
                        -reservations.stream().mapToInt(Reservation::quantity).sum())
                .inc("version", 1);
        update.push("outbox.pending")
                .each(pending.stream()
                        .map(e -> converter.convertToMongoType(e, TypeInformation.of(OutboxEvent.class)))
                        .toArray());
        reservations.stream()
                .filter(r -> r.expiresAt() != null && !r.inTransit())
                .map(Reservation::expiresAt)
                .min(Comparator.naturalOrder())
                .ifPresent(expiry -> update.min("nextExpiryAt", expiry));
        return update;
    }

    /**
     * The line still has the numbers a hold of {@code quantity} from {@code available} was decided on:
     * enough left above the reorder point after it, or below the point before it, or, for the hold that
     * crosses the point, exactly the number it crosses from (so StockLow is raised once).
     */
    private static Criteria levelGuard(String id, int available, int quantity, int reorderPoint) {
        var guard = Criteria.where("_id").is(id).and("reorderPoint").is(reorderPoint);
        if (available - quantity >= reorderPoint) {
            guard.and("available").gte(quantity + reorderPoint);
        } else if (available < reorderPoint) {
            guard.and("available").gte(quantity).lt(reorderPoint);
        } else {
            guard.and("available").is(available);
        }
        return guard;
    }

    /** By the sparse {@code nextExpiryAt} index: lines holding nothing that expires are not in it. */
    @Override
    public List<String> dueForExpiry(Instant now, int limit) {
        var query = Query.query(Criteria.where("nextExpiryAt").lte(now))
                .with(Sort.by("nextExpiryAt"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(line -> line.getString("_id"))
                .toList();
    }

    @Override
    public Optional<Instant> nextExpiry() {
        return DueTimes.earliest(mongo, "stock", "nextExpiryAt");
    }

    /** Location by location through the {locationId, partNumber} index rather than one scan. */
    @Override
    public List<StockOnHand> onHandEverywhere() {
        return mongo.getCollection(COLLECTION).distinct("locationId", String.class).into(new ArrayList<>()).stream()
                .sorted()
                .flatMap(locationId -> onHandAt(locationId).stream())
                .toList();
    }

    /**
     * Only the fields of what is on hand: a line's reservations and consumed requests (hundreds on a
     * hot part's line, one per request it served) are neither sent by the store nor mapped here.
     */
    @Override
    public List<StockOnHand> onHandAt(String locationId) {
        // The line's state is stored unwrapped at the top of the document: read as that state alone,
        // its holds left null.
        var query = Query.query(Criteria.where("locationId").is(locationId)).with(Sort.by("partNumber"));
        query.fields().include("locationId", "partNumber", "onHand", "reorderPoint", "lots", "unitCost");
        return mongo.find(query, StockState.class, COLLECTION).stream()
                .map(line -> StockOnHand.of(
                        line.locationId(), line.partNumber(), line.onHand(), line.lots(), line.unitCost()))
                .toList();
    }

    @Override
    public Stock save(Stock stock) {
        if (stock.version() == null) {
            // a new line: listed under its part first, so a reader of the part never misses it
            mongo.getCollection(PARTS)
                    .updateOne(
                            Filters.eq("_id", stock.partNumber()),
                            Updates.addToSet("locations", stock.locationId()),
                            new UpdateOptions().upsert(true));
        }
        return documents.save(StockDocument.of(stock)).toStock();
    }
}
