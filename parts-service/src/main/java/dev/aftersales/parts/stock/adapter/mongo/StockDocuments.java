package dev.aftersales.parts.stock.adapter.mongo;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface StockDocuments extends MongoRepository<StockDocument, String> {

    List<StockDocument> findByLineLocationIdOrderByLinePartNumber(String locationId);

    List<StockDocument> findByLineReservationsAssignmentId(String assignmentId);

    List<StockDocument> findByLineReservationsComplaintId(String complaintId);

    List<StockDocument> findByLineReservationsTransferId(String transferId);

    List<StockDocument> findByLineReservationsRequestId(String requestId);

    boolean existsByLineConsumedRequestIds(String requestId);

    List<StockDocument> findByLineConsumedRequestIds(String requestId);
}
