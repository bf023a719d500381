package dev.aftersales.parts.stock.adapter.mongo;

import dev.aftersales.chassis.time.DueTimes;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Stock lines in the {@code stock} collection. Saves are optimistic: Spring Data writes where
 * {@code {_id, version}} still match, which the chassis' unique index on those two fields keeps an
 * index lookup on the embedded store too. Every query has an index on MongoDB proper (the embedded
 * store ignores non-unique ones): lines grow with dealers times parts, and reservations live inside them.
 */
@Component
class MongoStocks implements Stocks {

    private final StockDocuments documents;
    private final MongoTemplate mongo;

    MongoStocks(StockDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
        var indexes = mongo.indexOps(StockDocument.class);
        // a location's lines in part order (stock view, valuation), and the locations the gauges list
        indexes.createIndex(new Index().on("locationId", Direction.ASC).on("partNumber", Direction.ASC));
        // a part's lines everywhere (reserving, the supply chain of a replacement)
        indexes.createIndex(new Index("partNumber", Direction.ASC));
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

    @Override
    public List<Stock> ofPart(String partNumber) {
        return documents.findByLinePartNumber(partNumber).stream()
                .map(StockDocument::toStock)
                .toList();
    }

    @Override
    public List<Stock> withExpiryDueBy(Instant now) {
        return documents.findByNextExpiryAtLessThanEqual(now).stream()
                .map(StockDocument::toStock)
                .toList();
    }

    @Override
    public Optional<Instant> nextExpiry() {
        return DueTimes.earliest(mongo, "stock", "nextExpiryAt");
    }

    @Override
    public List<Stock> all() {
        // location by location through the {locationId, partNumber} index rather than one scan
        return mongo
                .getCollection("stock")
                .distinct("locationId", String.class)
                .into(new java.util.ArrayList<>())
                .stream()
                .sorted()
                .flatMap(locationId -> atLocation(locationId).stream())
                .toList();
    }

    @Override
    public Stock save(Stock stock) {
        return documents.save(StockDocument.of(stock)).toStock();
    }
}
