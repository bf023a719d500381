package dev.aftersales.parts.stock.adapter.mongo;

import dev.aftersales.chassis.time.DueTimes;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Stock lines in the {@code stock} collection. Saves are optimistic: Spring Data writes where
 * {@code {_id, version}} still match, which the chassis' unique index on those two fields keeps an
 * index lookup on the embedded store too. The two list queries scan the collection on the embedded
 * store (it only uses an index whose fields equal the filter's); lines are few per installation.
 */
@Component
class MongoStocks implements Stocks {

    private final StockDocuments documents;
    private final MongoTemplate mongo;

    MongoStocks(StockDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
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
        return documents.findAll().stream().map(StockDocument::toStock).toList();
    }

    @Override
    public Stock save(Stock stock) {
        return documents.save(StockDocument.of(stock)).toStock();
    }
}
