package dev.aftersales.parts.stock.adapter.mongo;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface StockDocuments extends MongoRepository<StockDocument, String> {

    List<StockDocument> findByLocationIdOrderByPartNumber(String locationId);

    List<StockDocument> findByReservationsAssignmentId(String assignmentId);

    List<StockDocument> findByReservationsComplaintId(String complaintId);

    List<StockDocument> findByReservationsTransferId(String transferId);

    boolean existsByReservationsRequestId(String requestId);

    List<StockDocument> findByReservationsRequestId(String requestId);

    boolean existsByConsumedRequestIds(String requestId);

    List<StockDocument> findByPartNumber(String partNumber);

    List<StockDocument> findByNextExpiryAtLessThanEqual(Instant now);
}
